using System.Net;
using Dating.EndToEnd.Tests.Client;
using Dating.EndToEnd.Tests.Stacks;
using Dating.Testing;
using Microsoft.AspNetCore.SignalR;

namespace Dating.EndToEnd.Tests.Specs;

public abstract class BlockSpecs(TopologyStack stack) : ApiSpec(stack)
{
    [Fact]
    public async Task A_block_ends_the_match_and_hides_both_people_from_each_other_everywhere()
    {
        var here = Place.Somewhere();
        var dee = await RegisterAsync(Person.Woman("Dee", here));
        var eli = await RegisterAsync(Person.Man("Eli", here));
        var matchId = await MatchAsync(dee, eli);
        (await dee.PostAsync($"/api/chat/conversations/{matchId}/messages", new { text = "Hi" })).ShouldBe(HttpStatusCode.Created);
        var deeHub = await ConnectAsync(dee);
        var eliHub = await ConnectAsync(eli);

        (await eli.PostAsync("/api/matching/blocks", new { userId = dee.UserId })).ShouldBe(HttpStatusCode.NoContent);

        (await deeHub.NextAsync("unmatched")).Guid("matchId").ShouldBe(matchId);
        (await eliHub.NextAsync("unmatched")).Guid("matchId").ShouldBe(matchId);
        foreach (var (me, other) in new[] { (dee, eli), (eli, dee) })
        {
            (await Eventually.GetAsync(() => me.GetAsync($"/api/profiles/{other.UserId}"), r => r.Status == HttpStatusCode.NotFound, $"{other.Name}'s profile to vanish for {me.Name}"))
                .ShouldBeProblem(HttpStatusCode.NotFound);
            await Eventually.GetAsync(() => me.GetAsync("/api/matching/matches"), r => r.Body.Items().Count == 0, $"the match to leave {me.Name}'s matches");
            (await me.GetAsync("/api/chat/conversations")).ShouldBe(HttpStatusCode.OK).Ids("matchId").ShouldNotContain(matchId);
            var refused = await me.PostAsync($"/api/chat/conversations/{matchId}/messages", new { text = "Hello?" });
            refused.ShouldBeProblem(refused.Status == HttpStatusCode.Conflict ? HttpStatusCode.Conflict : HttpStatusCode.NotFound);
            (await me.GetAsync("/api/matching/recommendations")).ShouldBe(HttpStatusCode.OK).Ids("userId").ShouldNotContain(other.UserId);
        }

        await Should.ThrowAsync<HubException>(() => deeHub.SendMessageAsync(matchId, "Hello?"));
    }

    [Fact]
    public async Task A_block_takes_people_out_of_each_others_recommendations()
    {
        var here = Place.Somewhere();
        var fay = await RegisterAsync(Person.Woman("Fay", here));
        var gil = await RegisterAsync(Person.Man("Gil", here));
        var ike = await RegisterAsync(Person.Man("Ike", here));
        await CardOfAsync(fay, gil);
        await CardOfAsync(gil, fay);
        await CardOfAsync(fay, ike);

        (await fay.PostAsync("/api/matching/blocks", new { userId = gil.UserId })).ShouldBe(HttpStatusCode.NoContent);

        await LeavesRecommendationsAsync(fay, gil);
        await LeavesRecommendationsAsync(gil, fay);
        (await fay.GetAsync("/api/matching/recommendations")).ShouldBe(HttpStatusCode.OK).Ids("userId").ShouldBe([ike.UserId]);
        (await Eventually.GetAsync(() => gil.GetAsync($"/api/profiles/{fay.UserId}"), r => r.Status == HttpStatusCode.NotFound, "Fay's profile to vanish for Gil"))
            .ShouldBeProblem(HttpStatusCode.NotFound);
        (await fay.GetAsync($"/api/profiles/{gil.UserId}")).ShouldBeProblem(HttpStatusCode.NotFound);
        (await ike.GetAsync($"/api/profiles/{gil.UserId}")).ShouldBe(HttpStatusCode.OK);

        (await fay.PostAsync("/api/matching/blocks", new { userId = fay.UserId })).ShouldBeProblem(HttpStatusCode.BadRequest, "userId");
        (await fay.PostAsync("/api/matching/blocks", new { userId = Guid.NewGuid() })).ShouldBeProblem(HttpStatusCode.NotFound);
    }
}
