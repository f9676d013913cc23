using System.Net;
using System.Net.Http.Json;
using Dating.Testing;

namespace Dating.Matching.Tests.Infrastructure;

/// <summary>A signed-in user calling the Matching API as a client does, with a bearer token.</summary>
public sealed class MatchingClient(Guid userId, HttpClient http) : IDisposable
{
    public Guid UserId { get; } = userId;

    public HttpClient Http { get; } = http;

    public async Task<IReadOnlyList<RecommendationDto>> RecommendationsAsync(int? limit = null)
    {
        var response = await Http.GetAsync(limit is null ? "/api/matching/recommendations" : $"/api/matching/recommendations?limit={limit}");
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<List<RecommendationDto>>())!;
    }

    public async Task<IReadOnlyList<Guid>> RecommendedIdsAsync(int? limit = null) =>
        [.. (await RecommendationsAsync(limit)).Select(r => r.UserId)];

    public Task<HttpResponseMessage> PostSwipeAsync(object body) => Http.PostAsJsonAsync("/api/matching/swipes", body);

    public async Task<SwipeDto> SwipeAsync(Guid target, string decision = "like")
    {
        var response = await PostSwipeAsync(new { targetUserId = target, decision });
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<SwipeDto>())!;
    }

    public async Task<IReadOnlyList<MatchDto>> MatchesAsync()
    {
        var response = await Http.GetAsync("/api/matching/matches");
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<List<MatchDto>>())!;
    }

    public Task<HttpResponseMessage> UnmatchAsync(Guid matchId) => Http.DeleteAsync($"/api/matching/matches/{matchId}");

    public Task<HttpResponseMessage> BlockAsync(Guid userId) => Http.PostAsJsonAsync("/api/matching/blocks", new { userId });

    public void Dispose() => Http.Dispose();
}
