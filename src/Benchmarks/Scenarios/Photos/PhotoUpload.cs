using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dating.Benchmarks.Api;

namespace Dating.Benchmarks.Scenarios.Photos;

/// <summary>POST /api/photos as a client sends it: one JPEG in the multipart field <c>file</c>.</summary>
public static class PhotoUpload
{
    /// <returns>The status, and the photo's id when it was accepted (202).</returns>
    public static async Task<(HttpStatusCode Status, Guid PhotoId)> SendAsync(GatewayClient api, string token, byte[] jpeg, CancellationToken ct)
    {
        var file = new ByteArrayContent(jpeg);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        using var form = new MultipartFormDataContent { { file, "file", "photo.jpg" } };
        using var response = await api.SendAsync(HttpMethod.Post, "/api/photos", token, form, ct);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return (response.StatusCode, Guid.Empty);
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return (response.StatusCode, body.GetProperty("photoId").GetGuid());
    }
}
