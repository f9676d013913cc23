using Dating.Matching.Tests.Infrastructure;
using Dating.Testing;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.Tests.Shards;

public sealed class ShardPlacementTests(ShardedMatching service) : IClassFixture<ShardedMatching>
{
    [Fact]
    public async Task Every_replica_builds_its_ring_from_the_one_durable_shard_map()
    {
        string[] expected = [BackingServicesFixture.ShardServerName(0), BackingServicesFixture.ShardServerName(1)];

        var stored = await service.QueryAsync(db => db.ShardMaps.AsNoTracking().ToListAsync());

        stored.ShouldHaveSingleItem().ShouldSatisfyAllConditions(m => m.Version.ShouldBe(1), m => m.Shards.ShouldBe(expected));
        service.Hosts.Select((_, replica) => service.MapOf(replica)).ShouldAllBe(m => m.Version == 1 && m.Shards.SequenceEqual(expected));
    }

    [Fact]
    public async Task A_swipe_is_stored_once_on_its_swiper_s_shard_whatever_the_target_s()
    {
        var place = Places.Somewhere();
        var people = Enumerable.Range(0, 4).Select(i => service.On(i % 2, () => i < 2 ? Person.Woman(place) : Person.Man(place))).ToList();
        var clients = await Task.WhenAll(people.Select(p => service.AddAsync(p)));
        foreach (var swiper in clients)
        {
            foreach (var target in clients.Where(c => c != swiper))
            {
                await swiper.SwipeAsync(target.UserId, "pass");
            }
        }

        var rows = await service.SwipesAmongAsync(people.Select(p => p.UserId).ToList());

        rows.Count.ShouldBe(12, "each of 4 users swiped the 3 others, once");
        rows.ShouldAllBe(r => r.Shard == service.ShardOf(r.SwiperId));
        rows.Select(r => r.Shard).Distinct().Count().ShouldBe(2);
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task Recommendations_leave_out_whom_the_caller_swiped_on_any_shard()
    {
        var place = Places.Somewhere();
        using var her = await service.AddAsync(service.On(1, () => Person.Woman(place)));
        var near = service.On(0, () => Person.Man(place));
        var far = service.On(1, () => Person.Man(place));
        var unseen = Person.Man(place);
        foreach (var man in new[] { near, far, unseen })
        {
            await service.AddAsync(man);
        }

        (await her.RecommendedIdsAsync()).ShouldBe([near.UserId, far.UserId, unseen.UserId], ignoreOrder: true);
        await her.SwipeAsync(near.UserId, "pass");
        await her.SwipeAsync(far.UserId);

        (await her.RecommendedIdsAsync()).ShouldBe([unseen.UserId]);
    }
}
