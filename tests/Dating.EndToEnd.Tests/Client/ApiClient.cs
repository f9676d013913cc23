using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dating.EndToEnd.Tests.Stacks;

namespace Dating.EndToEnd.Tests.Client;

/// <summary>One user of the public API, as a mobile app would be: a session token and calls to the public URL.</summary>
public sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;

    private ApiClient(TopologyStack stack, Person? person, Guid userId, string? token)
    {
        Stack = stack;
        Person = person;
        UserId = userId;
        Token = token;
        _http = new HttpClient { BaseAddress = stack.PublicUrl };
        if (token is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public TopologyStack Stack { get; }

    public Person? Person { get; }

    public Guid UserId { get; }

    public string? Token { get; }

    public string Name => Person?.Name ?? "anonymous";

    /// <summary>Nobody signed in: for register, login, and checking what a missing or dead token gets.</summary>
    public static ApiClient Anonymous(TopologyStack stack, string? token = null) => new(stack, null, Guid.Empty, token);

    public static async Task<ApiClient> RegisterAsync(TopologyStack stack, Person person)
    {
        using var anonymous = Anonymous(stack);
        var body = (await anonymous.PostAsync("/api/auth/register", person.Registration())).ShouldBe(HttpStatusCode.Created);
        return new ApiClient(stack, person, body.Guid("userId"), body.String("token"));
    }

    /// <summary>A second session of the same person.</summary>
    public async Task<ApiClient> LoginAgainAsync()
    {
        using var anonymous = Anonymous(Stack);
        var body = (await anonymous.PostAsync("/api/auth/login", new { email = Person!.Email, password = Person.Password })).ShouldBe(HttpStatusCode.OK);
        body.Guid("userId").ShouldBe(UserId);
        return new ApiClient(Stack, Person, UserId, body.String("token"));
    }

    public Task<ApiResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<ApiResponse> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body);

    public Task<ApiResponse> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, body);

    public Task<ApiResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, object? body = null, string? requestId = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (requestId is not null)
        {
            request.Headers.Add("X-Request-Id", requestId);
        }

        return await ReadAsync(await _http.SendAsync(request, TestContext.Current.CancellationToken));
    }

    public async Task<ApiResponse> UploadAsync(byte[] content, string fileName, string contentType)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return await ReadAsync(await _http.PostAsync("/api/photos", form, TestContext.Current.CancellationToken));
    }

    /// <summary>The bytes behind a link of the API (following its redirect to the blob store, as a browser would).</summary>
    public async Task<(HttpStatusCode Status, byte[] Content)> DownloadAsync(string pathOrUrl)
    {
        using var response = await _http.GetAsync(pathOrUrl, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>A hub connection of this user through the public URL, or straight to one process serving the hub.</summary>
    public Task<ChatConnection> ConnectAsync(Uri? server = null) => ChatConnection.OpenAsync(server ?? Stack.PublicUrl, Token!);

    public void Dispose() => _http.Dispose();

    public override string ToString() => $"{Name} ({UserId})";

    private static async Task<ApiResponse> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var headers = response.Headers.Concat(response.Content.Headers)
                .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
            return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, text, headers);
        }
    }
}
