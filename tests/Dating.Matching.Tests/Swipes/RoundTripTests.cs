using System.Net.Http.Json;
using Dating.Matching.Tests.Infrastructure;
using Dating.Matching.Tests.Shards;
using Dating.Testing;

namespace Dating.Matching.Tests.Swipes;

/// <summary>What a swipe costs in database round trips, with the swipes on shard servers as the microservices run them.</summary>
public sealed class RoundTripTests(ShardedMatching service) : IClassFixture<ShardedMatching>, IDisposable
{
    private readonly TracedStatements _statements = new();

    [Fact]
    public async Task A_swipe_sends_four_statements_or_batches_before_its_commit()
    {
        var place = Places.Somewhere();
        using var her = await service.AddAsync(Person.Woman(place));
        using var him = await service.AddAsync(Person.Man(place));

        // The fence's locks and the map version (one batch), the cards and blocks, the insert with the first decision
        // (on her shard), the like-back (on his); then the commit in the module database.
        var first = await SwipeAsync(her, him.UserId);
        first.Count.ShouldBe(4, string.Join(" | ", first));

        // A repeated swipe finds its first decision in the same statement that tries the insert.
        var again = await SwipeAsync(her, him.UserId);
        again.Count.ShouldBe(4, string.Join(" | ", again));
    }

    private Task<IReadOnlyList<string>> SwipeAsync(MatchingClient client, Guid target) =>
        _statements.OfAsync(client.Http, new HttpRequestMessage(HttpMethod.Post, "/api/matching/swipes")
        {
            Content = JsonContent.Create(new { targetUserId = target, decision = "like" }),
        });

    public void Dispose() => _statements.Dispose();
}
