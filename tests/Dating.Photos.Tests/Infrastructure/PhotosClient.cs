using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dating.Testing;

namespace Dating.Photos.Tests.Infrastructure;

/// <summary>Calls the Photos API like a client does, as one signed-in user.</summary>
public sealed class PhotosClient(Guid userId, HttpClient http) : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static readonly TimeSpan ProcessingPatience = TimeSpan.FromSeconds(60);

    public Guid UserId => userId;

    public HttpClient Http => http;

    /// <param name="expectContinue">
    /// Asks before sending the body, as a careful client does with a large one: a refusal then arrives
    /// as an answer instead of a connection closed under the body still being sent.
    /// </param>
    public Task<HttpResponseMessage> UploadAsync(
        byte[] content, string fileName = "photo.jpg", string contentType = "image/jpeg", bool expectContinue = false)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/photos")
        {
            Content = new MultipartFormDataContent { { file, "file", fileName } },
        };
        request.Headers.ExpectContinue = expectContinue;
        return http.SendAsync(request);
    }

    /// <summary>Uploads and asserts the 202 answer; returns the new photo's id.</summary>
    public async Task<Guid> UploadAcceptedAsync(byte[] content, string fileName = "photo.jpg")
    {
        using var response = await UploadAsync(content, fileName);
        var accepted = await response.ShouldBeJsonAsync<UploadAnswer>(HttpStatusCode.Accepted);
        accepted.Status.ShouldBe("processing");
        return accepted.PhotoId;
    }

    public async Task<List<MyPhoto>> MineAsync()
    {
        using var response = await http.GetAsync("/api/photos/me");
        return await response.ShouldBeJsonAsync<List<MyPhoto>>(HttpStatusCode.OK);
    }

    /// <summary>Polls the caller's list until the photo leaves <c>processing</c>.</summary>
    public Task<MyPhoto> WaitProcessedAsync(Guid photoId) =>
        Eventually.GetAsync(
            async () => (await MineAsync()).Single(p => p.PhotoId == photoId),
            photo => photo.Status != "processing",
            $"photo {photoId} to leave processing",
            ProcessingPatience);

    public async Task<Guid> UploadReadyAsync(byte[] content)
    {
        var photoId = await UploadAcceptedAsync(content);
        (await WaitProcessedAsync(photoId)).Status.ShouldBe("ready");
        return photoId;
    }

    public void Dispose() => http.Dispose();
}
