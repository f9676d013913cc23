using Dating.Photos.Library;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Dating.Photos.Uploads;

/// <summary>The `file` part of a multipart upload, read as a stream: its sniffed format and its content.</summary>
internal sealed record MultipartUpload(ImageFormat? Format, LimitedUploadStream Content)
{
    private const string FileField = "file";
    private const int MaxBoundaryLength = 70;

    public static string? BoundaryOf(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        return string.IsNullOrWhiteSpace(boundary) || boundary.Length > MaxBoundaryLength ? null : boundary;
    }

    /// <summary>Skips other fields up to `file` and reads just enough of it to recognise the format; null without a `file` part.</summary>
    public static async Task<MultipartUpload?> OpenAsync(MultipartReader reader, CancellationToken ct)
    {
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
                && HeaderUtilities.RemoveQuotes(disposition.Name).Equals(FileField, StringComparison.Ordinal))
            {
                var head = await ReadHeadAsync(section.Body, ct);
                return new MultipartUpload(
                    ImageFormat.Detect(head),
                    new LimitedUploadStream(head, section.Body, PhotoLimits.MaxUploadBytes));
            }
        }

        return null;
    }

    private static async Task<byte[]> ReadHeadAsync(Stream body, CancellationToken ct)
    {
        var head = new byte[ImageFormat.SignatureLength];
        var filled = 0;
        while (filled < head.Length && await body.ReadAsync(head.AsMemory(filled), ct) is var read and > 0)
        {
            filled += read;
        }

        return head[..filled];
    }
}
