using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dating.Testing;

namespace Dating.AppHost.Tests.EndToEnd;

/// <summary>One user of the public API, as a mobile app would be: a token and calls through the gateway.</summary>
internal sealed class ApiClient(Uri publicUrl, TestUsers.Registered user) : IDisposable
{
    private readonly HttpClient _http = new HttpClient { BaseAddress = publicUrl }.WithToken(user.Token);

    public Guid UserId => user.UserId;

    public string Token => user.Token;

    public static async Task<ApiClient> RegisterAsync(Uri publicUrl, object registration)
    {
        using var anonymous = new HttpClient { BaseAddress = publicUrl };
        var response = await anonymous.PostAsJsonAsync("/api/auth/register", registration);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new ApiClient(publicUrl, new TestUsers.Registered(body.GetProperty("userId").GetGuid(), body.GetProperty("token").GetString()!, ""));
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        return (response.StatusCode, await BodyOf(response));
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await _http.SendAsync(request);
        return (response.StatusCode, await BodyOf(response));
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(byte[] image, string fileName, string contentType)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, "file", fileName);
        using var response = await _http.PostAsync("/api/photos", content);
        return (response.StatusCode, await BodyOf(response));
    }

    public void Dispose() => _http.Dispose();

    private static async Task<JsonElement> BodyOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
