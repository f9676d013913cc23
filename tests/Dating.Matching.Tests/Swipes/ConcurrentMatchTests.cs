using Dating.Contracts.Matching;
using Dating.Matching.Tests.Infrastructure;
using Dating.Testing;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.Tests.Swipes;

/// <summary>Two replicas of the host over one database and one Redis, as behind the gateway.</summary>
public sealed class TwoReplicas(BackingServicesFixture backing) : MatchingService(backing)
{
    protected override int Replicas => 2;
}

public sealed class ConcurrentMatchTests(TwoReplicas service) : IClassFixture<TwoReplicas>
{
    private const int Pairs = 50;

    [Fact]
    public async Task Mutual_likes_at_the_same_moment_on_two_replicas_create_exactly_one_match_per_pair()
    {
        var place = Places.Somewhere();
        var women = Enumerable.Range(0, Pairs).Select(_ => Person.Woman(place)).ToList();
        var men = Enumerable.Range(0, Pairs).Select(_ => Person.Man(place)).ToList();
        var herClients = await Task.WhenAll(women.Select(w => service.AddAsync(w, replica: 0)));
        var hisClients = await Task.WhenAll(men.Select(m => service.AddAsync(m, replica: 1)));

        using var start = new ManualResetEventSlim();
        var swipes = Enumerable.Range(0, Pairs).SelectMany(i => new[]
        {
            Task.Run(() => { start.Wait(); return herClients[i].SwipeAsync(men[i].UserId); }),
            Task.Run(() => { start.Wait(); return hisClients[i].SwipeAsync(women[i].UserId); }),
        }).ToList();
        start.Set();
        var answers = await Task.WhenAll(swipes);

        var pairIds = women.Zip(men).ToDictionary(p => p.First.UserId, p => p.Second.UserId);
        var userIds = women.Concat(men).Select(p => p.UserId).ToHashSet();
        var matches = (await service.MatchesAmongAsync(userIds)).Select(s => s.Match).ToList();
        matches.Count.ShouldBe(Pairs);
        matches.ShouldAllBe(m => (pairIds.ContainsKey(m.UserA) && pairIds[m.UserA] == m.UserB)
            || (pairIds.ContainsKey(m.UserB) && pairIds[m.UserB] == m.UserA));

        for (var i = 0; i < Pairs; i++)
        {
            var pair = new[] { answers[2 * i], answers[2 * i + 1] };
            pair.Count(a => a.Matched).ShouldBe(1, "the later of two likes sees the earlier one; the earlier sees none");
            pair.Where(a => a.Matched).ShouldAllBe(a => matches.Any(m => m.Id == a.MatchId));
        }

        await service.Events.WaitForAsync<MatchCreated>(e => userIds.Contains(e.UserA), Pairs);
        await service.EarlierEventsArrivedAsync();
        var created = service.Events.All<MatchCreated>(e => userIds.Contains(e.UserA));
        created.Count.ShouldBe(Pairs, "one MatchCreated per pair, no duplicates");
        created.Select(e => e.MatchId).ShouldBe(matches.Select(m => m.Id), ignoreOrder: true);

        foreach (var client in herClients.Concat(hisClients))
        {
            client.Dispose();
        }
    }
}
