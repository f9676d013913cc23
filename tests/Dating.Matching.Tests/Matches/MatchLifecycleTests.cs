using System.Net;
using Dating.Contracts.Matching;
using Dating.Matching.Tests.Infrastructure;
using Dating.Testing;

namespace Dating.Matching.Tests.Matches;

public sealed class MatchLifecycleTests(MatchingService service) : IClassFixture<MatchingService>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Either_party_can_unmatch_and_MatchEnded_is_published(bool sheUnmatches)
    {
        var (her, him, matchId) = await MatchedPairAsync();
        using var _ = her;
        using var __ = him;
        using var stranger = await service.AddAsync(Person.Woman(Places.Somewhere()));

        await (await stranger.UnmatchAsync(matchId)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await (sheUnmatches ? her : him).UnmatchAsync(matchId)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        (await her.MatchesAsync()).ShouldBeEmpty();
        (await him.MatchesAsync()).ShouldBeEmpty();
        await (await (sheUnmatches ? him : her).UnmatchAsync(matchId)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var ended = await service.Events.WaitForAsync<MatchEnded>(e => e.MatchId == matchId);
        ended.Reason.ShouldBe(MatchEndReason.Unmatched);
        await (await her.UnmatchAsync(Guid.NewGuid())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_block_hides_both_users_from_each_other_and_ends_their_match()
    {
        var (her, him, matchId) = await MatchedPairAsync();
        using var _ = her;
        using var __ = him;

        await (await him.BlockAsync(her.UserId)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        (await her.MatchesAsync()).ShouldBeEmpty();
        (await him.MatchesAsync()).ShouldBeEmpty();
        (await service.Events.WaitForAsync<MatchEnded>(e => e.MatchId == matchId)).Reason.ShouldBe(MatchEndReason.Blocked);
        await service.Events.WaitForAsync<UserBlocked>(e => e.BlockerId == him.UserId && e.BlockedId == her.UserId);
        await (await her.PostSwipeAsync(new { targetUserId = him.UserId, decision = "like" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await her.UnmatchAsync(matchId)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        // Blocking again is harmless and publishes nothing new.
        await (await him.BlockAsync(her.UserId)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await service.EarlierEventsArrivedAsync();
        service.Events.All<UserBlocked>(e => e.BlockerId == him.UserId).Count.ShouldBe(1);
        service.Events.All<MatchEnded>(e => e.MatchId == matchId).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_block_before_any_swipe_hides_both_ways()
    {
        var place = Places.Somewhere();
        using var her = await service.AddAsync(Person.Woman(place));
        using var him = await service.AddAsync(Person.Man(place));
        (await her.RecommendedIdsAsync()).ShouldContain(him.UserId);

        await (await her.BlockAsync(him.UserId)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        (await her.RecommendedIdsAsync()).ShouldNotContain(him.UserId);
        (await him.RecommendedIdsAsync()).ShouldNotContain(her.UserId);
        await (await him.PostSwipeAsync(new { targetUserId = her.UserId, decision = "like" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Blocking_yourself_is_a_400_and_an_unknown_user_a_404()
    {
        using var me = await service.AddAsync(Person.Woman(Places.Somewhere()));

        await (await me.BlockAsync(me.UserId)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "userId");
        await (await me.BlockAsync(Guid.NewGuid())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await me.Http.PostAsync(
            "/api/matching/blocks", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "userId");
    }

    private async Task<(MatchingClient Her, MatchingClient Him, Guid MatchId)> MatchedPairAsync()
    {
        var place = Places.Somewhere();
        var her = await service.AddAsync(Person.Woman(place));
        var him = await service.AddAsync(Person.Man(place));
        await her.SwipeAsync(him.UserId);
        var match = await him.SwipeAsync(her.UserId);
        match.Matched.ShouldBeTrue();
        return (her, him, match.MatchId!.Value);
    }
}
