using System.Net;
using SkiaSharp;

namespace Dating.Photos.Tests.Infrastructure;

/// <summary>Opens signed URLs as a browser would: no token, straight to the blob store.</summary>
public static class SignedUrls
{
    private static readonly HttpClient Anonymous = new();

    public static async Task<byte[]> DownloadAsync(Uri url)
    {
        using var response = await Anonymous.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, url.ToString());
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static async Task<HttpStatusCode> StatusOfAsync(Uri url)
    {
        using var response = await Anonymous.GetAsync(url);
        return response.StatusCode;
    }

    public static async Task<(int Width, int Height, SKEncodedImageFormat Format, byte[] Bytes)> DownloadImageAsync(Uri url)
    {
        var bytes = await DownloadAsync(url);
        using var codec = SKCodec.Create(new MemoryStream(bytes));
        codec.ShouldNotBeNull("the signed URL serves a decodable image");
        using var bitmap = SKBitmap.Decode(bytes);
        bitmap.ShouldNotBeNull();
        return (bitmap.Width, bitmap.Height, codec.EncodedFormat, bytes);
    }
}
