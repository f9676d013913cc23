using Dating.Contracts;
using Dating.Matching.Candidates;
using Dating.Matching.Tests.Infrastructure;
using Dating.Matching.Tests.Swipes;
using Dating.Testing;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.Tests.CardCache;

/// <summary>The caller's card cached in each replica's memory, two real hosts on one database, one Redis and one queue.</summary>
public sealed class CardCacheReplicaTests(TwoReplicas service) : IClassFixture<TwoReplicas>
{
    [Fact]
    public async Task A_second_read_of_the_same_users_recommendations_is_a_cache_hit()
    {
        var place = Places.Somewhere();
        using var her = await service.AddAsync(Person.Woman(place));
        var he = Person.Man(place.North(1));
        await service.AddAsync(he);
        using var counters = new CardCacheCounters(service.Hosts[0].Services);

        (await her.RecommendedIdsAsync()).ShouldBe([he.UserId]);
        (counters.Hits, counters.Misses).ShouldBe((0L, 1L));

        (await her.RecommendedIdsAsync()).ShouldBe([he.UserId]);
        (counters.Hits, counters.Misses).ShouldBe((1L, 1L));
    }

    [Fact]
    public async Task A_profile_update_consumed_by_either_replica_invalidates_the_card_cached_by_both()
    {
        var place = Places.Somewhere();
        var person = Person.Woman(place);
        using var onFirst = await service.AddAsync(person, replica: 0);
        using var onSecond = await service.SignInAsync(person.UserId, replica: 1);
        var man = Person.Man(place.North(1));
        var woman = Person.Woman(place.North(2)) with { InterestedIn = [Gender.Woman] };
        await service.AddAsync(man);
        await service.AddAsync(woman);
        using var first = new CardCacheCounters(service.Hosts[0].Services);
        using var second = new CardCacheCounters(service.Hosts[1].Services);

        // Both replicas hold her card (interested in men).
        foreach (var client in new[] { onFirst, onSecond, onFirst, onSecond })
        {
            (await client.RecommendedIdsAsync()).ShouldBe([man.UserId]);
        }

        (first.Hits, first.Misses, second.Hits, second.Misses).ShouldBe((1L, 1L, 1L, 1L));

        // Only one replica consumes the event; the other hears of it through Redis.
        await service.PublishAsync((person with { InterestedIn = [Gender.Woman] }).Updated());
        await service.WaitUntilAsync(db => db.Candidates.AnyAsync(c => c.UserId == person.UserId && c.InterestedIn == GenderFlags.Of(Gender.Woman)));

        // Not a wait for her queue to be gone: the reads above asked each replica for a background refill (a queue of one
        // is below the low watermark), and a refill may write her queue again after the consumer dropped it. Reads
        // re-check queued users against her current card, so what each replica serves is the check.

        foreach (var (client, counters) in new[] { (onFirst, first), (onSecond, second) })
        {
            await Eventually.GetAsync(
                () => client.RecommendedIdsAsync(), ids => ids.SequenceEqual([woman.UserId]), "every replica to serve the new card", TimeSpan.FromSeconds(10));

            counters.Misses.ShouldBe(2L);
        }
    }

    [Fact]
    public async Task The_hit_and_miss_counters_are_scraped_from_metrics()
    {
        var place = Places.Somewhere();
        using var her = await service.AddAsync(Person.Woman(place));
        await her.RecommendationsAsync();
        await her.RecommendationsAsync();

        using var http = service.Hosts[0].CreateClient();
        var metrics = await Eventually.GetAsync(
            () => http.GetStringAsync("/metrics", TestContext.Current.CancellationToken),
            text => text.Contains("dating_matching_card_cache_hits_total"),
            "the card cache counters in /metrics",
            TimeSpan.FromSeconds(10));

        metrics.ShouldContain("dating_matching_card_cache_misses_total");
    }
}
