using Dating.Contracts.Profiles;
using Dating.Matching.Tests.Infrastructure;
using Dating.Testing;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.Tests.Swipes;

/// <summary>Two replicas whose pool to the module database holds one connection each; the one swipe shard is that database.</summary>
public sealed class OneConnectionEach(BackingServicesFixture backing) : MatchingService(backing)
{
    protected override int Replicas => 2;

    protected override void Configure(IDictionary<string, string?> configuration) =>
        configuration["ConnectionStrings:matching"] += ";Maximum Pool Size=1;Timeout=10";
}

/// <summary>
/// Without shard servers the swipes live in the module's database. A swipe, a recommendation and an account deletion
/// then use the one connection they hold for the swipe shard too: a second one from the same pool, taken while the
/// first is held, let 50 concurrent swipes per replica exhaust the pool and answer 503.
/// </summary>
public sealed class ConnectionUseTests(OneConnectionEach service) : IClassFixture<OneConnectionEach>
{
    private const int Pairs = 10;

    [Fact]
    public async Task Swipes_recommendations_and_deletions_each_hold_one_connection_of_the_module_database()
    {
        var place = Places.Somewhere();
        var women = Enumerable.Range(0, Pairs).Select(_ => Person.Woman(place)).ToList();
        var men = Enumerable.Range(0, Pairs).Select(_ => Person.Man(place)).ToList();
        var herClients = new List<MatchingClient>();
        var hisClients = new List<MatchingClient>();
        foreach (var (woman, man) in women.Zip(men))
        {
            herClients.Add(await service.AddAsync(woman, replica: 0));
            hisClients.Add(await service.AddAsync(man, replica: 1));
        }

        (await herClients[0].RecommendedIdsAsync(limit: 2 * Pairs)).ShouldContain(men[0].UserId);

        // With two connections per swipe, each of these would wait for the pool's only connection while holding it.
        var answers = await Task.WhenAll(Enumerable.Range(0, Pairs).SelectMany(i => new[]
        {
            herClients[i].SwipeAsync(men[i].UserId),
            hisClients[i].SwipeAsync(women[i].UserId),
        }));
        answers.Count(a => a.Matched).ShouldBe(Pairs);
        (await herClients[0].RecommendedIdsAsync(limit: 2 * Pairs)).ShouldNotContain(men[0].UserId);

        await service.PublishAndWaitAsync(new ProfileDeleted(men[0].UserId, DateTimeOffset.UtcNow));
        var left = await service.QueryShardsAsync(db => db.Swipes.CountAsync(s => s.SwiperId == men[0].UserId || s.TargetId == men[0].UserId));
        left.ShouldAllBe(count => count == 0);

        foreach (var client in herClients.Concat(hisClients))
        {
            client.Dispose();
        }
    }
}
