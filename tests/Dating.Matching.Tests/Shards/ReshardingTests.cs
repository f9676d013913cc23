using Dating.Matching.Shards;
using Dating.Matching.Swipes;
using Dating.Matching.Tests.Infrastructure;
using Dating.Testing;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.Tests.Shards;

public sealed class ReshardingTests(TwoOfThreeShards service) : IClassFixture<TwoOfThreeShards>
{
    private const int PerSide = 20;

    [Fact]
    public async Task A_shard_added_while_swipes_and_mutual_likes_arrive_takes_only_the_swipers_its_ring_moves_and_loses_duplicates_and_misses_nothing()
    {
        string[] before = [BackingServicesFixture.ShardServerName(0), BackingServicesFixture.ShardServerName(1)];
        string[] after = [.. before, BackingServicesFixture.ShardServerName(2)];
        var place = Places.Somewhere();
        var people = Enumerable.Range(0, 2 * PerSide).Select(i => i < PerSide ? Person.Woman(place) : Person.Man(place)).ToList();
        var onFirst = await Task.WhenAll(people.Select(p => service.AddAsync(p, replica: 0)));
        var onSecond = await Task.WhenAll(people.Select(p => service.SignInAsync(p.UserId, replica: 1)));

        // Every woman and man swipe each other; about half the pairs like each other both ways.
        var plan = new List<(int Swiper, int Target, string Decision)>();
        for (var w = 0; w < PerSide; w++)
        {
            for (var m = PerSide; m < 2 * PerSide; m++)
            {
                plan.Add((w, m, (w + m) % 3 == 0 ? "pass" : "like"));
                plan.Add((m, w, (w * m) % 4 == 1 ? "pass" : "like"));
            }
        }

        var load = new SwipeLoad([onFirst, onSecond], plan);
        Task<(int ExitCode, string Output, string Error)>? resharding = null;
        var loading = load.RunAsync(() => resharding?.IsCompleted == true, workers: 4, seed: 14);

        // Some swipes first, on the two-shard map; then the resharding, while the load goes on.
        await Eventually.UntilAsync(() => Task.FromResult(load.Acknowledged.Count >= 100 || loading.IsCompleted), "swipes before the resharding");
        var started = DateTimeOffset.UtcNow;
        resharding = service.ShardsAsync("shards", "add", after[2]);
        var (exitCode, output, error) = await resharding;
        var finished = DateTimeOffset.UtcNow;
        await loading;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{output}Resharded in {(finished - started).TotalSeconds:F1} s; {load.Acknowledged.Count} swipes acknowledged in {load.Passes} passes, "
            + $"{load.Acknowledged.Count(s => s.At > started && s.At < finished)} of them during the resharding.");

        exitCode.ShouldBe(0, output + error);
        output.ShouldContain("Verified");
        load.Acknowledged.Count(s => s.At > started && s.At < finished).ShouldBeGreaterThan(0, "swipes arrived while the shards changed");
        load.Acknowledged.Count(s => s.At > finished).ShouldBeGreaterThan(0, "and after");

        var map = await service.LatestMapAsync();
        map.ShouldSatisfyAllConditions(
            m => m.State.ShouldBe(ShardMapState.Active), m => m.Shards.ShouldBe(after), m => m.PreviousShards.ShouldBeNull());
        await Eventually.UntilAsync(
            () => Task.FromResult(service.Hosts.Select((_, replica) => service.MapOf(replica).Version).All(v => v == map.Version)), "every replica on the new map");

        // Every acknowledged swipe exactly once, on the shard the new ring names, with its decision.
        var ids = people.Select(p => p.UserId).ToList();
        var rows = await service.AllSwipesAmongAsync(ids);
        rows.Count.ShouldBe(plan.Count, "one row per swiped pair, none lost or doubled");
        var byPair = rows.ToDictionary(r => (r.SwiperId, r.TargetId));
        foreach (var (swiper, target, decision) in plan)
        {
            var row = byPair[(ids[swiper], ids[target])];
            row.Shard.ShouldBe(ReshardableMatching.OwnerIn(after, ids[swiper]));
            row.Decision.ShouldBe(decision == "like" ? SwipeDecision.Like : SwipeDecision.Pass);
        }

        // Every mutual like has exactly one match, and nothing else has one.
        var likes = plan.Where(s => s.Decision == "like").Select(s => (s.Swiper, s.Target)).ToHashSet();
        var mutual = likes.Where(l => l.Swiper < l.Target && likes.Contains((l.Target, l.Swiper))).ToList();
        mutual.Count.ShouldBeGreaterThan(50);
        var stored = await service.MatchesAmongAsync(ids);
        stored.ShouldAllBe(s => s.Shard == ReshardableMatching.OwnerIn(after, s.Match.UserA), "a match moves with its first user");
        var matches = stored.Select(s => s.Match).ToList();
        matches.Count.ShouldBe(mutual.Count);
        foreach (var (one, other) in mutual)
        {
            matches.Where(m => m.Involves(ids[one]) && m.Involves(ids[other])).ShouldHaveSingleItem();
        }

        // Only the swipers whose owner changed moved, all of them to the new shard; none between the old two.
        var moved = ids.Where(id => ReshardableMatching.OwnerIn(before, id) != ReshardableMatching.OwnerIn(after, id)).ToList();
        moved.ShouldAllBe(id => ReshardableMatching.OwnerIn(after, id) == after[2]);
        // The command counts the swipers it found on the old shards: a mover whose first swipe came during the move was never there.
        var (reportedMoved, reportedOf) = ReshardableMatching.SwipersMoved(output);
        reportedOf.ShouldBeLessThanOrEqualTo(ids.Count);
        reportedMoved.ShouldBeLessThanOrEqualTo(moved.Count);
        (reportedOf - reportedMoved).ShouldBeLessThanOrEqualTo(ids.Count - moved.Count);
        output.ShouldContain("moved between shards both rings keep: 0.");
    }

    [Fact]
    public void The_ring_moves_about_a_third_of_the_swipers_to_a_third_shard_and_none_between_the_first_two()
    {
        string[] before = [BackingServicesFixture.ShardServerName(0), BackingServicesFixture.ShardServerName(1)];
        string[] after = [.. before, BackingServicesFixture.ShardServerName(2)];
        var random = new Random(14);
        var swipers = Enumerable.Range(0, 20_000).Select(_ =>
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes);
        }).ToList();

        var moves = swipers.Select(id => (From: ReshardableMatching.OwnerIn(before, id), To: ReshardableMatching.OwnerIn(after, id))).Where(m => m.From != m.To).ToList();

        ((double)moves.Count / swipers.Count).ShouldBeInRange(0.30, 0.37, "the ideal is 1/3");
        moves.ShouldAllBe(m => m.To == after[2]);
    }
}
