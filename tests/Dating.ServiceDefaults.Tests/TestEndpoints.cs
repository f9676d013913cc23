using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace Dating.ServiceDefaults.Tests;

public enum Mood
{
    VeryHappy,
    Sad,
}

public sealed record Item(string Name, int Count, Mood Mood);

internal static class TestEndpoints
{
    public const string SecretMessage = "connection string Password=hunter2 leaked";
    public const int UploadLimit = 2 * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/items", () => TypedResults.Ok(new Item("first", 1, Mood.VeryHappy)));
        app.MapPost("/items", (Item item) => TypedResults.Ok(item));
        app.MapGet("/boom", string () => throw new InvalidOperationException(SecretMessage));
        app.MapPost("/uploads", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            return TypedResults.Ok(buffer.Length);
        }).WithRequestSizeLimit(UploadLimit);
        app.MapGet("/request-id", (HttpRequest request) => request.Headers[RequestId.HeaderName].ToString());
    }
}
