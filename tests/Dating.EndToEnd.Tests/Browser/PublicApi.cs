using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dating.Testing;

namespace Dating.EndToEnd.Tests.Browser;

/// <summary>
/// Sets the scene for a browser test through the public API, where the browser part is not the point
/// (two people who have already matched, say).
/// </summary>
internal sealed class PublicApi(Uri publicUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = publicUrl };

    public async Task<(string UserId, string Token)> RegisterAsync(Profile profile, CancellationToken ct)
    {
        using var response = await _http.PostAsJsonAsync("/api/auth/register", new
        {
            email = profile.Email,
            password = profile.Password,
            displayName = profile.DisplayName,
            birthDate = profile.BirthDate,
            gender = profile.Gender,
            interestedIn = profile.InterestedIn,
            bio = profile.Bio,
            location = new { latitude = profile.Latitude, longitude = profile.Longitude },
        }, ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ct));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return (body.GetProperty("userId").GetString()!, body.GetProperty("token").GetString()!);
    }

    /// <summary>Likes <paramref name="targetUserId"/> once matching knows them (it learns of new people by events); returns whether it matched.</summary>
    public async Task<bool> LikeAsync(string token, string targetUserId, CancellationToken ct) =>
        (await Eventually.GetAsync<bool?>(
            () => TryLikeAsync(token, targetUserId, ct), matched => matched is not null, $"matching to learn of {targetUserId}", TimeSpan.FromSeconds(60)))!.Value;

    // Null while matching does not know the target yet.
    private async Task<bool?> TryLikeAsync(string token, string targetUserId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/matching/swipes")
        {
            Content = JsonContent.Create(new { targetUserId, decision = "like" }),
        };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await _http.SendAsync(request, ct);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("matched").GetBoolean();
        }

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound, await response.Content.ReadAsStringAsync(ct));
        return null;
    }

    public async Task<JsonElement> GetAsync(string token, string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", token);
        using var response = await _http.SendAsync(request, ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {path}: {await response.Content.ReadAsStringAsync(ct)}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }

    public void Dispose() => _http.Dispose();
}
