using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Dating.Matching.Tests.Infrastructure;
using Dating.Matching.Tests.Shards;

namespace Dating.Matching.Tests.Swipes;

/// <summary>
/// What a swipe costs in database round trips, with the swipes on shard servers as the microservices run them: each
/// statement or batch Npgsql sends is one activity of its <c>Npgsql</c> source, counted within the swipe request's trace
/// (the commit is not one: it is the fifth round trip).
/// </summary>
public sealed class RoundTripTests(ShardedMatching service) : IClassFixture<ShardedMatching>, IDisposable
{
    private readonly ConcurrentQueue<Activity> _commands = new();
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    [Fact]
    public async Task A_swipe_sends_four_statements_or_batches_before_its_commit()
    {
        _listener.ActivityStopped = activity =>
        {
            if (activity.Source.Name == "Npgsql")
            {
                _commands.Enqueue(activity);
            }
        };
        ActivitySource.AddActivityListener(_listener);
        var place = Places.Somewhere();
        using var her = await service.AddAsync(Person.Woman(place));
        using var him = await service.AddAsync(Person.Man(place));

        // The fence's locks and the map version (one batch), the cards and blocks, the insert with the first decision
        // (on her shard), the like-back (on his), and the commit in the module database.
        var first = await TracedSwipeAsync(her, him.UserId);
        first.Count.ShouldBe(4, string.Join(" | ", first));

        // A repeated swipe finds its first decision in the same statement that tries the insert.
        var again = await TracedSwipeAsync(her, him.UserId);
        again.Count.ShouldBe(4, string.Join(" | ", again));
    }

    private async Task<IReadOnlyList<string>> TracedSwipeAsync(MatchingClient client, Guid target)
    {
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/matching/swipes") { Content = JsonContent.Create(new { targetUserId = target, decision = "like" }) };
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await client.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return [.. _commands.Where(c => c.TraceId == trace).Select(c => c.GetTagItem("db.query.text") as string ?? c.DisplayName)];
    }

    public void Dispose() => _listener.Dispose();
}
