using System.Net;
using Dating.Matching.Tests.Availability;
using Dating.Matching.Tests.Infrastructure;
using Dating.Testing;

namespace Dating.Matching.Tests.Shards;

/// <summary>Stops one shard server for a moment through the app host, so it runs alone.</summary>
[Collection(typeof(StopsSharedServers))]
public sealed class ShardOutageTests(BackingServicesFixture backing, ShardedMatching service) : IClassFixture<ShardedMatching>
{
    [Fact]
    public async Task A_shard_that_is_down_fails_only_the_swipes_that_need_it_and_the_match_lists_with_503_problems()
    {
        var place = Places.Somewhere();
        using var her = await service.AddAsync(service.On(0, () => Person.Woman(place)));
        using var herNeighbour = await service.AddAsync(service.On(0, () => Person.Man(place)));
        using var him = await service.AddAsync(service.On(1, () => Person.Man(place)));
        using var other = await service.AddAsync(service.On(1, () => Person.Man(place)));
        var down = BackingServicesFixture.ShardServerName(1);

        await backing.StopResourceAsync(down, TestContext.Current.CancellationToken);
        try
        {
            // His swipes are on the stopped shard; her like needs his shard to look for a like-back.
            await (await him.PostSwipeAsync(new { targetUserId = her.UserId, decision = "like" })).ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
            await (await her.PostSwipeAsync(new { targetUserId = him.UserId, decision = "like" })).ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);

            // Everything on the shard that is up still works.
            (await her.SwipeAsync(herNeighbour.UserId)).Matched.ShouldBeFalse();
            (await herNeighbour.SwipeAsync(her.UserId)).Matched.ShouldBeTrue();
            (await her.SwipeAsync(other.UserId, "pass")).Matched.ShouldBeFalse();

            // "My matches" asks every shard (a match lives on its first user's shard): a complete list cannot be had.
            await (await her.Http.GetAsync("/api/matching/matches", TestContext.Current.CancellationToken))
                .ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            await backing.StartResourceAsync(down, TestContext.Current.CancellationToken);
        }

        // Her like was kept on her shard; repeating it, and his like, finish the work.
        (await her.SwipeAsync(him.UserId)).Matched.ShouldBeFalse();
        (await him.SwipeAsync(her.UserId)).Matched.ShouldBeTrue();
        (await her.MatchesAsync()).Select(m => m.UserId).ShouldBe([herNeighbour.UserId, him.UserId], ignoreOrder: true);
    }
}
