using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dating.Testing;

/// <summary>Registers users through the public API, as a client does.</summary>
public static class TestUsers
{
    public sealed record Registered(Guid UserId, string Token, string Email);

    public static async Task<Registered> RegisterAsync(HttpClient client, string? email = null, CancellationToken ct = default)
    {
        email ??= $"user-{Guid.NewGuid():N}@example.test";
        var response = await client.PostAsJsonAsync("/api/auth/register", new
        {
            email,
            password = "correct horse battery",
            displayName = "Test User",
            birthDate = "1995-04-12",
            gender = "woman",
            interestedIn = new[] { "man", "woman" },
            bio = "Here for the tests.",
            location = new { latitude = 52.52, longitude = 13.405 },
        }, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"register answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return new Registered(body.GetProperty("userId").GetGuid(), body.GetProperty("token").GetString()!, email);
    }

    public static HttpClient WithToken(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
