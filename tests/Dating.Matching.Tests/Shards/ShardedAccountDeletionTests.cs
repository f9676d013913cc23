using Dating.Contracts.Matching;
using Dating.Contracts.Profiles;
using Dating.Matching.Tests.Infrastructure;

namespace Dating.Matching.Tests.Shards;

public sealed class ShardedAccountDeletionTests(ShardedMatching service) : IClassFixture<ShardedMatching>
{
    [Fact]
    public async Task A_deleted_account_s_swipes_go_from_every_shard_and_a_second_deletion_changes_nothing()
    {
        var place = Places.Somewhere();
        var leaving = service.On(0, () => Person.Woman(place));
        using var her = await service.AddAsync(leaving);
        using var him = await service.AddAsync(service.On(1, () => Person.Man(place)));
        using var near = await service.AddAsync(service.On(0, () => Person.Man(place)));
        using var far = await service.AddAsync(service.On(1, () => Person.Man(place)));
        await her.SwipeAsync(him.UserId);
        await her.SwipeAsync(near.UserId, "pass");
        await near.SwipeAsync(her.UserId);
        await far.SwipeAsync(her.UserId, "pass");
        var match = await him.SwipeAsync(her.UserId);
        await near.SwipeAsync(far.UserId, "pass");
        await far.SwipeAsync(him.UserId, "pass");
        Guid[] everyone = [leaving.UserId, him.UserId, near.UserId, far.UserId];
        var before = await service.SwipesAmongAsync(everyone);
        before.Where(s => s.SwiperId == leaving.UserId || s.TargetId == leaving.UserId).Select(s => s.Shard).Distinct().Count()
            .ShouldBe(2, "her swipes are on her shard, some swipes on her on the other");

        await service.PublishAndWaitAsync(new ProfileDeleted(leaving.UserId, DateTimeOffset.UtcNow));

        var after = await service.SwipesAmongAsync(everyone);
        after.ShouldNotContain(s => s.SwiperId == leaving.UserId || s.TargetId == leaving.UserId);
        after.ShouldBe(before.Where(s => s.SwiperId != leaving.UserId && s.TargetId != leaving.UserId), ignoreOrder: true, "other users' swipes stay");
        (await service.Events.WaitForAsync<MatchEnded>(e => e.MatchId == match.MatchId)).Reason.ShouldBe(MatchEndReason.AccountDeleted);

        // A second deletion (a new message, so past the inbox) finds nothing left to do on any shard.
        await service.PublishAndWaitAsync(new ProfileDeleted(leaving.UserId, DateTimeOffset.UtcNow));
        await service.EarlierEventsArrivedAsync();
        (await service.SwipesAmongAsync(everyone)).ShouldBe(after, ignoreOrder: true);
        service.Events.All<MatchEnded>(e => e.MatchId == match.MatchId).Count.ShouldBe(1);
    }
}
