using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Dating.WebClient;

/// <summary>The built app's files: hashed assets cached for good, index.html revalidated on every visit.</summary>
internal sealed class WebClientFiles(string folder)
{
    public const string FolderName = "webclient";

    private const string IndexFile = "index.html";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly IFileProvider _files = Directory.Exists(folder) ? new PhysicalFileProvider(folder) : new NullFileProvider();

    public Task ServeAsync(HttpContext context)
    {
        var path = context.GetRouteValue("path") as string ?? string.Empty;
        var file = path.Length == 0 ? null : _files.GetFileInfo(path);
        var response = context.Response;
        if (file is { Exists: true, IsDirectory: false, PhysicalPath: not null })
        {
            response.Headers.CacheControl = path.StartsWith("assets/", StringComparison.Ordinal)
                ? "public, max-age=31536000, immutable"
                : "no-cache";
            return SendAsync(context, file);
        }

        // A missing file is a 404 (problem details, like any other); any other path is a screen of the app.
        if (Path.HasExtension(path))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        var index = _files.GetFileInfo(IndexFile);
        if (index is not { Exists: true, PhysicalPath: not null })
        {
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.ContentType = "text/plain; charset=utf-8";
            return response.WriteAsync(
                $"The web client is not built into {folder}. Build the solution with Node.js 20+ and npm on PATH (dotnet build).");
        }

        response.Headers.CacheControl = "no-cache";
        response.Headers["Content-Security-Policy"] =
            "default-src 'self'; img-src 'self' data: blob: http: https:; connect-src 'self' ws: wss:; "
            + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
        return SendAsync(context, index);
    }

    private static Task SendAsync(HttpContext context, IFileInfo file)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var contentType = ContentTypes.TryGetContentType(file.Name, out var type) ? type : "application/octet-stream";
        return TypedResults.PhysicalFile(file.PhysicalPath!, contentType, lastModified: file.LastModified).ExecuteAsync(context);
    }
}
