using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dating.Benchmarks.Api;
using Dating.Benchmarks.Comparison;
using Dating.Benchmarks.Scenarios.Photos;

namespace Dating.Benchmarks.Faults;

/// <summary>
/// One visit of a fault run's user, as the load generator calls it with the visit's index: a swipe, a message to their
/// match, their match list, and every fourth visit a new bio. Each step is logged with its time and outcome, and each
/// acknowledged write recorded in the history.
/// </summary>
public sealed class FaultLoad(GatewayClient api, FaultUsers users, FaultHistory history, StepLog steps, string runId, CancellationToken ct)
{
    public const string SwipeStep = "swipe";
    public const string MessageStep = "send message";
    public const string MatchesStep = "match list";
    public const string BioStep = "profile change";
    public const string PhotoStep = "photo upload";

    public static IReadOnlyList<string> Steps { get; } = [SwipeStep, MessageStep, MatchesStep, BioStep, PhotoStep];

    private static readonly Lazy<byte[]> Jpeg = new(() => SampleJpeg.Create());

    public async Task<bool> VisitAsync(int i)
    {
        var user = i % users.Users.Count;
        var ok = await StepAsync(SwipeStep, () => SwipeAsync(user, i / users.Users.Count));
        ok &= await StepAsync(MessageStep, () => SendAsync(user, i));
        ok &= await StepAsync(MatchesStep, async () =>
        {
            using var response = await api.SendAsync(HttpMethod.Get, "/api/matching/matches", users.Users[user].Token, null, ct);
            return response.StatusCode == HttpStatusCode.OK;
        });
        if (i % 4 == 0)
        {
            ok &= await StepAsync(BioStep, () => ChangeBioAsync(user, i));
        }

        return ok;
    }

    /// <summary>
    /// <paramref name="count"/> photo uploads spread over the users, sent all at once, each accepted one recorded;
    /// <paramref name="halfAccepted"/> completes once half of them are accepted (or all have answered).
    /// </summary>
    public async Task UploadBatchAsync(int count, TaskCompletionSource halfAccepted)
    {
        var accepted = 0;
        await Task.WhenAll(Enumerable.Range(0, count).Select(i => StepAsync(PhotoStep, async () =>
        {
            var user = users.Users[i % users.Users.Count];
            var (status, photoId) = await PhotoUpload.SendAsync(api, user.Token, Jpeg.Value, ct);
            if (status != HttpStatusCode.Accepted)
            {
                return false;
            }

            history.PhotoAccepted(new AcknowledgedPhoto(user.UserId, photoId));
            if (Interlocked.Increment(ref accepted) >= (count + 1) / 2)
            {
                halfAccepted.TrySetResult();
            }

            return true;
        })));
        halfAccepted.TrySetResult();
    }

    private async Task<bool> SwipeAsync(int user, int visit)
    {
        var candidates = users.CandidatesOf(user);
        var target = candidates[visit % candidates.Count];
        var like = FaultUsers.Likes(user, target);
        var (status, body) = await api.SendJsonAsync(HttpMethod.Post, "/api/matching/swipes", users.Users[user].Token,
            new { targetUserId = users.Users[target].UserId, decision = like ? "like" : "pass" }, ct);
        if (status != HttpStatusCode.OK)
        {
            return false;
        }

        Guid? matchId = body.GetProperty("matched").GetBoolean() ? body.GetProperty("matchId").GetGuid() : null;
        history.Swiped(new AcknowledgedSwipe(users.Users[user].UserId, users.Users[target].UserId, like, matchId));
        return true;
    }

    private async Task<bool> SendAsync(int user, int visit)
    {
        var text = $"{runId} m{visit}";
        var sentAt = DateTimeOffset.UtcNow;
        var acknowledged = false;
        try
        {
            using var response = await api.SendAsync(HttpMethod.Post, $"/api/chat/conversations/{users.MatchOf(user)}/messages",
                users.Users[user].Token, JsonContent.Create(new { text }), ct);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return false;
            }

            var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            history.Sent(new AcknowledgedMessage(body.GetProperty("messageId").GetGuid(), users.MatchOf(user), users.Users[user].UserId,
                users.PartnerOf(user).UserId, text, sentAt, DateTimeOffset.UtcNow));
            acknowledged = true;
            return true;
        }
        finally
        {
            if (!acknowledged)
            {
                history.SendFailed(text);
            }
        }
    }

    private async Task<bool> ChangeBioAsync(int user, int visit)
    {
        var bio = $"{runId} bio {visit}";
        var (status, _) = await api.SendJsonAsync(HttpMethod.Put, "/api/profiles/me", users.Users[user].Token,
            Population.WithBio(users.Profiles[user], bio), ct);
        if (status != HttpStatusCode.OK)
        {
            return false;
        }

        history.BioChanged(new AcknowledgedBio(users.Users[user].UserId, bio));
        return true;
    }

    private Task<bool> StepAsync(string name, Func<Task<bool>> step) => StepLog.RunAsync(name, step, steps);
}
