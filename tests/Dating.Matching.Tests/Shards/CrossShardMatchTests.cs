using Dating.Contracts.Matching;
using Dating.Matching.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.Tests.Shards;

public sealed class CrossShardMatchTests(ShardedMatching service) : IClassFixture<ShardedMatching>
{
    private const int Pairs = 40;

    [Fact]
    public async Task Mutual_likes_at_the_same_moment_across_shards_and_replicas_create_one_match_and_one_MatchCreated_per_pair()
    {
        var place = Places.Somewhere();
        var women = Enumerable.Range(0, Pairs).Select(_ => service.On(0, () => Person.Woman(place))).ToList();
        var men = Enumerable.Range(0, Pairs).Select(_ => service.On(1, () => Person.Man(place))).ToList();
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

        var userIds = women.Concat(men).Select(p => p.UserId).ToHashSet();
        var stored = await service.MatchesAmongAsync(userIds);
        var matches = stored.Select(s => s.Match).ToList();
        matches.Count.ShouldBe(Pairs);
        stored.ShouldAllBe(s => s.Shard == service.ShardOf(s.Match.UserA), "a match lives on its first user's shard");
        for (var i = 0; i < Pairs; i++)
        {
            var (her, him) = (women[i].UserId, men[i].UserId);
            var match = matches.Where(m => m.Involves(her) && m.Involves(him)).ShouldHaveSingleItem();
            var pair = new[] { answers[2 * i], answers[2 * i + 1] };
            pair.Count(a => a.Matched).ShouldBe(1, "the pair lock orders the two likes: the later sees the earlier on the other shard");
            pair.Single(a => a.Matched).MatchId.ShouldBe(match.Id);
        }

        await service.Events.WaitForAsync<MatchCreated>(e => userIds.Contains(e.UserA), Pairs);
        await service.EarlierEventsArrivedAsync();
        var created = service.Events.All<MatchCreated>(e => userIds.Contains(e.UserA));
        created.Select(e => e.MatchId).ShouldBe(matches.Select(m => m.Id), ignoreOrder: true, "one MatchCreated per pair, no duplicates");

        // "My matches" for both sides, each asked on the other replica than the one that swiped.
        for (var i = 0; i < Pairs; i++)
        {
            var matchId = matches.Single(m => m.Involves(women[i].UserId)).Id;
            using var her = await service.SignInAsync(women[i].UserId, replica: 1);
            using var him = await service.SignInAsync(men[i].UserId, replica: 0);
            (await her.MatchesAsync()).ShouldHaveSingleItem().ShouldSatisfyAllConditions(m => m.MatchId.ShouldBe(matchId), m => m.UserId.ShouldBe(men[i].UserId));
            (await him.MatchesAsync()).ShouldHaveSingleItem().ShouldSatisfyAllConditions(m => m.MatchId.ShouldBe(matchId), m => m.UserId.ShouldBe(women[i].UserId));
        }

        foreach (var client in herClients.Concat(hisClients))
        {
            client.Dispose();
        }
    }
}
