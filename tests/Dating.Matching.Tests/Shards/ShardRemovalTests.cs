using Dating.Contracts.Matching;
using Dating.Matching.Shards;
using Dating.Matching.Tests.Infrastructure;
using Dating.Testing;

namespace Dating.Matching.Tests.Shards;

public sealed class ShardRemovalTests(ThreeShards service) : IClassFixture<ThreeShards>
{
    [Fact]
    public async Task A_removed_shard_hands_its_swipers_and_matches_to_the_others_with_the_same_total_and_their_likes_still_make_matches()
    {
        string[] before = [BackingServicesFixture.ShardServerName(0), BackingServicesFixture.ShardServerName(1), BackingServicesFixture.ShardServerName(2)];
        string[] after = [before[0], before[2]];
        var place = Places.Somewhere();
        var women = Enumerable.Range(0, 6).Select(_ => service.On(1, () => Person.Woman(place))).ToList();
        var men = Enumerable.Range(0, 6).Select(_ => Person.Man(place)).ToList();
        var her = await Task.WhenAll(women.Select(w => service.AddAsync(w)));
        var him = await Task.WhenAll(men.Select(m => service.AddAsync(m, replica: 1)));
        for (var i = 0; i < women.Count; i++)
        {
            // Her like, on the shard that leaves; his like-back comes after the move.
            (await her[i].SwipeAsync(men[i].UserId)).Matched.ShouldBeFalse();
            await her[i].SwipeAsync(men[(i + 1) % men.Count].UserId, "pass");
            await him[i].SwipeAsync(women[(i + 2) % women.Count].UserId, "pass");
        }

        // Three matches that live on the shard that leaves: hers, since she is on it and first of the pair (uuid v7 ids sort by time).
        var matched = new List<(MatchingClient Her, MatchingClient Him, Guid MatchId)>();
        for (var i = 0; i < 3; i++)
        {
            var woman = service.On(1, () => Person.Woman(place));
            var man = Person.Man(place);
            while (string.CompareOrdinal(man.UserId.ToString(), woman.UserId.ToString()) < 0)
            {
                man = Person.Man(place);
            }

            var (first, second) = (await service.AddAsync(woman), await service.AddAsync(man, replica: 1));
            (await first.SwipeAsync(man.UserId)).Matched.ShouldBeFalse();
            matched.Add((first, second, (await second.SwipeAsync(woman.UserId)).MatchId!.Value));
        }

        var (exitCode, output, error) = await service.ShardsAsync("shards", "remove", before[1]);

        TestContext.Current.TestOutputHelper?.WriteLine(output);
        exitCode.ShouldBe(0, output + error);
        var (totalBefore, totalAfter) = ReshardableMatching.Totals(output);
        totalAfter.ShouldBe(totalBefore, "no swipe arrived meanwhile: the total stays");
        totalBefore.ShouldBe(3 * women.Count + 2 * matched.Count);
        output.ShouldContain($"matches copied {matched.Count}, deleted from the old shards {matched.Count}");
        output.ShouldContain("moved between shards both rings keep: 0.");
        (await service.LatestMapAsync()).Shards.ShouldBe(after);

        // The listing counts each shard's rows: the one that left holds nothing now.
        var (listed, listing, _) = await service.ShardsAsync("shards", "list");
        listed.ShouldBe(0, listing);
        listing.ShouldMatch($@"{before[1]}\s+0 swipes\s+0 matches\s+configured, not in the map");
        listing.ShouldMatch($@"{after[0]}\s+\d+ swipes\s+\d+ matches\s+in the map");

        var ids = women.Concat(men).Select(p => p.UserId).ToList();
        var rows = await service.AllSwipesAmongAsync(ids);
        rows.Count.ShouldBe(3 * women.Count);

        // The matches moved with their first user, and both sides still see them; an end after the move is announced once.
        var stored = await service.MatchesAmongAsync([.. matched.Select(m => m.Her.UserId)]);
        stored.Select(s => s.Match.Id).ShouldBe(matched.Select(m => m.MatchId), ignoreOrder: true);
        stored.ShouldAllBe(s => s.Shard == ReshardableMatching.OwnerIn(after, s.Match.UserA));
        foreach (var (first, second, matchId) in matched)
        {
            (await first.MatchesAsync()).ShouldHaveSingleItem().MatchId.ShouldBe(matchId);
            (await second.MatchesAsync()).ShouldHaveSingleItem().MatchId.ShouldBe(matchId);
        }

        await (await matched[0].Him.UnmatchAsync(matched[0].MatchId)).ShouldHaveStatusAsync(System.Net.HttpStatusCode.NoContent);
        await service.Events.WaitForAsync<MatchEnded>(e => e.MatchId == matched[0].MatchId);
        await service.EarlierEventsArrivedAsync();
        service.Events.All<MatchEnded>(e => e.MatchId == matched[0].MatchId).Count.ShouldBe(1);
        (await matched[0].Her.MatchesAsync()).ShouldBeEmpty();
        rows.ShouldAllBe(r => r.Shard == ReshardableMatching.OwnerIn(after, r.SwiperId));

        // The like-back is checked against her like on its new shard, by either replica, whichever map version it has seen.
        for (var i = 0; i < women.Count; i++)
        {
            (await him[i].SwipeAsync(women[i].UserId)).Matched.ShouldBeTrue();
            (await her[i].RecommendedIdsAsync()).ShouldNotContain(men[i].UserId);
        }
    }
}
