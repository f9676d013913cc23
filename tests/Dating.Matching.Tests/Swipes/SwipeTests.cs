using System.Net;
using Dating.Contracts.Matching;
using Dating.Matching.Tests.Infrastructure;
using Dating.Testing;

namespace Dating.Matching.Tests.Swipes;

public sealed class SwipeTests(MatchingService service) : IClassFixture<MatchingService>
{
    [Fact]
    public async Task A_like_that_is_not_returned_is_not_a_match()
    {
        var place = Places.Somewhere();
        using var her = await service.AddAsync(Person.Woman(place));
        var he = Person.Man(place);
        await service.AddAsync(he);

        (await her.SwipeAsync(he.UserId)).ShouldBe(new SwipeDto(false, null));
        (await her.MatchesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Mutual_likes_create_one_match_that_both_see_and_one_MatchCreated()
    {
        var place = Places.Somewhere();
        using var her = await service.AddAsync(Person.Woman(place) with { DisplayName = "Ada" });
        using var him = await service.AddAsync(Person.Man(place) with { DisplayName = "Bo" });

        (await her.SwipeAsync(him.UserId)).Matched.ShouldBeFalse();
        var match = await him.SwipeAsync(her.UserId);

        match.Matched.ShouldBeTrue();
        match.MatchId.ShouldNotBeNull();
        (await her.MatchesAsync()).Single().ShouldSatisfyAllConditions(
            m => m.MatchId.ShouldBe(match.MatchId.Value),
            m => m.UserId.ShouldBe(him.UserId),
            m => m.DisplayName.ShouldBe("Bo"));
        (await him.MatchesAsync()).Single().ShouldSatisfyAllConditions(
            m => m.MatchId.ShouldBe(match.MatchId.Value),
            m => m.UserId.ShouldBe(her.UserId),
            m => m.DisplayName.ShouldBe("Ada"));
        var created = await service.Events.WaitForAsync<MatchCreated>(e => e.MatchId == match.MatchId);
        new[] { created.UserA, created.UserB }.ShouldBe([her.UserId, him.UserId], ignoreOrder: true);
    }

    [Fact]
    public async Task A_repeated_swipe_gets_the_same_answer_and_changes_nothing()
    {
        var place = Places.Somewhere();
        using var her = await service.AddAsync(Person.Woman(place));
        using var him = await service.AddAsync(Person.Man(place));
        await her.SwipeAsync(him.UserId);
        var first = await him.SwipeAsync(her.UserId);

        (await him.SwipeAsync(her.UserId)).ShouldBe(first);
        (await her.SwipeAsync(him.UserId)).ShouldBe(first);
        (await him.SwipeAsync(her.UserId, "pass")).ShouldBe(first, "the first decision is final");

        (await her.MatchesAsync()).Count.ShouldBe(1);
        await service.EarlierEventsArrivedAsync();
        service.Events.All<MatchCreated>(e => e.UserA == her.UserId || e.UserB == her.UserId).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_pass_never_matches_even_when_liked_back()
    {
        var place = Places.Somewhere();
        using var her = await service.AddAsync(Person.Woman(place));
        using var him = await service.AddAsync(Person.Man(place));

        await her.SwipeAsync(him.UserId, "pass");

        (await him.SwipeAsync(her.UserId)).ShouldBe(new SwipeDto(false, null));
    }

    [Fact]
    public async Task Swiping_yourself_is_a_400_and_an_unknown_user_a_404()
    {
        using var me = await service.AddAsync(Person.Woman(Places.Somewhere()));

        await (await me.PostSwipeAsync(new { targetUserId = me.UserId, decision = "like" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "targetUserId");
        await (await me.PostSwipeAsync(new { targetUserId = Guid.NewGuid(), decision = "like" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"decision":"like"}""", "targetUserId")]
    [InlineData("""{"targetUserId":"00000000-0000-0000-0000-000000000000","decision":"like"}""", "targetUserId")]
    [InlineData("""{"targetUserId":"6f1c1f0e-8f5b-4f43-9a55-0d7d3e0f9a11","decision":"superlike"}""", "decision")]
    [InlineData("""{"targetUserId":"6f1c1f0e-8f5b-4f43-9a55-0d7d3e0f9a11"}""", "decision")]
    public async Task Bad_swipes_are_validation_problems(string json, string field)
    {
        using var me = await service.AddAsync(Person.Woman(Places.Somewhere()));

        var response = await me.Http.PostAsync(
            "/api/matching/swipes", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Malformed_input_is_a_400_problem_and_no_token_a_401()
    {
        using var me = await service.AddAsync(Person.Woman(Places.Somewhere()));
        var malformed = await me.Http.PostAsync(
            "/api/matching/swipes", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        await malformed.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await me.Http.GetAsync("/api/matching/recommendations?limit=lots", TestContext.Current.CancellationToken))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        using var anonymous = service.Host.CreateClient();
        foreach (var path in new[] { "/api/matching/recommendations", "/api/matching/matches" })
        {
            await (await anonymous.GetAsync(path, TestContext.Current.CancellationToken)).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        }
    }
}
