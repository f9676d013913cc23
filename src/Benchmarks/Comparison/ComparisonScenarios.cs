using System.Diagnostics;
using System.Net;
using Dating.Benchmarks.Api;
using HdrHistogram;

namespace Dating.Benchmarks.Comparison;

/// <summary>
/// One operation of each scenario, as the load generator calls it with the operation's index; every call goes through
/// the public API at the gateway. Each returns whether it succeeded.
/// </summary>
public sealed class ComparisonScenarios(GatewayClient api, Population population, string runId, CancellationToken ct)
{
    public const string RecommendationsStep = "recommendations";
    public const string ProfileStep = "public profile";
    public const string SwipeStep = "swipe";
    public const string MessageStep = "send message";
    public const string ConversationsStep = "conversations";

    private static readonly TimeSpan PropagationTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    public static IReadOnlyList<string> Steps { get; } = [RecommendationsStep, ProfileStep, SwipeStep, MessageStep, ConversationsStep];

    private int UserCount => population.Users.Count;

    /// <summary>A user reads another user's public profile (their match's).</summary>
    public async Task<bool> ReadProfileAsync(int i)
    {
        var user = i % UserCount;
        using var response = await api.SendAsync(HttpMethod.Get, $"/api/profiles/{population.PartnerOf(user).UserId}", population.Users[user].Token, null, ct);
        return response.StatusCode == HttpStatusCode.OK;
    }

    public async Task<bool> RecommendAsync(int i, int limit = 20)
    {
        using var response = await api.SendAsync(HttpMethod.Get, $"/api/matching/recommendations?limit={limit}", population.Users[i % UserCount].Token, null, ct);
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>Swipe k of a user goes to their k-th candidate (round the list again: a repeated swipe is idempotent); even candidates are liked.</summary>
    public async Task<bool> SwipeAsync(int i)
    {
        var user = i % UserCount;
        var candidates = population.Candidates[user];
        var k = i / UserCount % candidates.Count;
        var (status, _) = await api.SendJsonAsync(HttpMethod.Post, "/api/matching/swipes", population.Users[user].Token,
            new { targetUserId = candidates[k], decision = k % 2 == 0 ? "like" : "pass" }, ct);
        return status == HttpStatusCode.OK;
    }

    /// <summary>Sends to the user's match; the delivery to the other user's hub connection is timed into <paramref name="delivery"/> (from <paramref name="intended"/>).</summary>
    public async Task<bool> SendMessageAsync(int i, long intended, HistogramBase? delivery)
    {
        var user = i % UserCount;
        var text = $"{runId} {(delivery is null ? "s" : "m")}{i}";
        if (delivery is not null)
        {
            population.Tracker.Expect(text, intended, population.PartnerOf(user).UserId, delivery);
        }

        var sent = false;
        try
        {
            using var response = await api.SendAsync(HttpMethod.Post, $"/api/chat/conversations/{population.MatchOf(user)}/messages",
                population.Users[user].Token, System.Net.Http.Json.JsonContent.Create(new { text }), ct);
            sent = response.StatusCode == HttpStatusCode.Created;
            return sent;
        }
        finally
        {
            if (!sent && delivery is not null)
            {
                population.Tracker.Forget(text);
            }
        }
    }

    /// <summary>A user changes their bio; done when the one user they are recommended to sees it (or a later change of the same user's).</summary>
    public async Task<bool> PropagateAsync(int i)
    {
        var pair = population.Propagation[i % population.Propagation.Count];
        var bio = $"{ChangePrefix}{i}.";
        var (status, _) = await api.SendJsonAsync(HttpMethod.Put, "/api/profiles/me", pair.Changer.Token, Population.WithBio(pair.Profile, bio), ct);
        if (status != HttpStatusCode.OK)
        {
            return false;
        }

        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < PropagationTimeout)
        {
            var (read, body) = await api.SendJsonAsync(HttpMethod.Get, "/api/matching/recommendations?limit=50", pair.Viewer.Token, null, ct);
            if (read == HttpStatusCode.OK && body.EnumerateArray().Any(c =>
                    c.GetProperty("userId").GetGuid() == pair.Changer.UserId
                    && c.TryGetProperty("bio", out var seen) && seen.ValueKind == System.Text.Json.JsonValueKind.String && ChangeNumber(seen.GetString()) >= i))
            {
                return true;
            }

            await Task.Delay(PollInterval, ct);
        }

        return false;
    }

    private string ChangePrefix => $"Changed {runId} ";

    /// <summary>Which change a bio shows: a later change to the same pair supersedes this one, and proves it arrived too.</summary>
    private int ChangeNumber(string? bio) =>
        bio is not null && bio.StartsWith(ChangePrefix, StringComparison.Ordinal)
        && int.TryParse(bio.AsSpan(ChangePrefix.Length).TrimEnd('.'), System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number : -1;

    /// <summary>
    /// What a user does in one visit: recommendations, their match's profile, a swipe, a message to their match, the
    /// conversation list. Every step runs even if one before failed; the session succeeds only if all do.
    /// </summary>
    public async Task<bool> SessionAsync(int i, StepLog? steps = null)
    {
        var ok = await StepAsync(RecommendationsStep, () => RecommendAsync(i, 10), steps);
        ok &= await StepAsync(ProfileStep, () => ReadProfileAsync(i), steps);
        ok &= await StepAsync(SwipeStep, () => SwipeAsync(i), steps);
        ok &= await StepAsync(MessageStep, () => SendMessageAsync(i, Stopwatch.GetTimestamp(), null), steps);
        ok &= await StepAsync(ConversationsStep, async () =>
        {
            using var response = await api.SendAsync(HttpMethod.Get, "/api/chat/conversations", population.Users[i % UserCount].Token, null, ct);
            return response.StatusCode == HttpStatusCode.OK;
        }, steps);
        return ok;
    }

    private static Task<bool> StepAsync(string name, Func<Task<bool>> step, StepLog? steps) => StepLog.RunAsync(name, step, steps);
}
