using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dating.Benchmarks.Api;

/// <summary>The public API at the gateway, as a benchmark client calls it.</summary>
public sealed class GatewayClient(HttpClient http, Uri gateway)
{
    public const string Password = "benchmark password 1";

    public Uri Gateway => gateway;

    public static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };

    public async Task<BenchmarkUser> RegisterAsync(NewUser user, CancellationToken ct)
    {
        var (status, registered, body) = await TryRegisterAsync(user, ct);
        return registered ?? throw new InvalidOperationException($"register: {(int)status} {body}");
    }

    /// <summary>A registration that may be refused: its status, the user when it succeeded, and the body when not.</summary>
    public async Task<(HttpStatusCode Status, BenchmarkUser? User, string Body)> TryRegisterAsync(NewUser user, CancellationToken ct)
    {
        var email = $"bench-{Guid.NewGuid():N}@example.test";
        var birthDate = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-user.Age).AddDays(-30);
        using var response = await http.PostAsJsonAsync(new Uri(gateway, "/api/auth/register"), new
        {
            email,
            password = Password,
            displayName = "Bench",
            birthDate = birthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            gender = user.Gender,
            interestedIn = user.InterestedIn,
            bio = "Benchmark user.",
            location = new { latitude = user.Latitude, longitude = user.Longitude },
        }, ct);
        if (!response.IsSuccessStatusCode)
        {
            return (response.StatusCode, null, await response.Content.ReadAsStringAsync(ct));
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return (response.StatusCode, new BenchmarkUser(body.GetProperty("userId").GetGuid(), email, body.GetProperty("token").GetString()!), "");
    }

    /// <summary>Registers many users, a few at a time (registration hashes a password: it is CPU bound).</summary>
    public async Task<IReadOnlyList<BenchmarkUser>> RegisterManyAsync(int count, Func<int, NewUser> describe, CancellationToken ct)
    {
        var users = new BenchmarkUser[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (i, token) => users[i] = await RegisterAsync(describe(i), token));
        return users;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, HttpContent? content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(gateway, path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request, ct);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> SendJsonAsync(HttpMethod method, string path, string token, object? body, CancellationToken ct)
    {
        using var response = await SendAsync(method, path, token, body is null ? null : JsonContent.Create(body), ct);
        var json = response.Content.Headers.ContentLength == 0
            ? default
            : await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return (response.StatusCode, json);
    }
}
