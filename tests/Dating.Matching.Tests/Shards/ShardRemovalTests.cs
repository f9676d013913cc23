using Dating.Matching.Shards;
using Dating.Matching.Tests.Infrastructure;
using Dating.Testing;

namespace Dating.Matching.Tests.Shards;

public sealed class ShardRemovalTests(ThreeShards service) : IClassFixture<ThreeShards>
{
    [Fact]
    public async Task A_removed_shard_hands_its_swipers_to_the_others_with_the_same_total_and_their_likes_still_make_matches()
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

        var (exitCode, output, error) = await service.ShardsAsync("shards", "remove", before[1]);

        TestContext.Current.TestOutputHelper?.WriteLine(output);
        exitCode.ShouldBe(0, output + error);
        var (totalBefore, totalAfter) = ReshardableMatching.Totals(output);
        totalAfter.ShouldBe(totalBefore, "no swipe arrived meanwhile: the total stays");
        totalBefore.ShouldBe(3 * women.Count);
        output.ShouldContain("moved between shards both rings keep: 0.");
        (await service.LatestMapAsync()).Shards.ShouldBe(after);

        var ids = women.Concat(men).Select(p => p.UserId).ToList();
        var rows = await service.AllSwipesAmongAsync(ids);
        rows.Count.ShouldBe(3 * women.Count);
        rows.ShouldAllBe(r => r.Shard == ReshardableMatching.OwnerIn(after, r.SwiperId));

        // The like-back is checked against her like on its new shard, by either replica, whichever map version it has seen.
        for (var i = 0; i < women.Count; i++)
        {
            (await him[i].SwipeAsync(women[i].UserId)).Matched.ShouldBeTrue();
            (await her[i].RecommendedIdsAsync()).ShouldNotContain(men[i].UserId);
        }
    }
}
