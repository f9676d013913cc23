using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dating.Profiles.Tests.Infrastructure;

/// <summary>Calls the API like a client does: JSON over HTTP with a bearer token.</summary>
public sealed class ProfilesClient(HttpClient http) : IDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HttpClient Http => http;

    public async Task<SessionResult> RegisterAsync(Dictionary<string, object?>? body = null)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/register", body ?? Registration.Valid(), Json);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Register gave {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<SessionResult>(Json))!;
    }

    public Task<HttpResponseMessage> LoginAsync(string email, string password, string? clientAddress = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/login")
        {
            Content = JsonContent.Create(new { email, password }, options: Json),
        };
        if (clientAddress is not null)
        {
            request.Headers.Add("X-Forwarded-For", clientAddress);
        }

        return http.SendAsync(request);
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        return http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? token) => SendAsync(HttpMethod.Get, path, token);

    public void Dispose() => http.Dispose();
}
