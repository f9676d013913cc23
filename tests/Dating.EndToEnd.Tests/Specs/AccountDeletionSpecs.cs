using System.Net;
using Dating.EndToEnd.Tests.Client;
using Dating.EndToEnd.Tests.Stacks;
using Dating.Testing;

namespace Dating.EndToEnd.Tests.Specs;

public abstract class AccountDeletionSpecs(TopologyStack stack) : ApiSpec(stack)
{
    [Fact]
    public async Task A_deleted_account_vanishes_everywhere()
    {
        var here = Place.Somewhere();
        var ivy = await RegisterAsync(Person.Woman("Ivy", here));
        var jay = await RegisterAsync(Person.Man("Jay", here));
        var ken = await RegisterAsync(Person.Man("Ken", here));

        // Ivy has a ready photo, a match with a conversation, and shows up in Ken's recommendations.
        var photoId = (await ivy.UploadAsync(TestImages.Jpeg(), "ivy.jpg", "image/jpeg")).ShouldBe(HttpStatusCode.Accepted).Guid("photoId");
        var photos = await Eventually.GetAsync(() => ivy.GetAsync("/api/photos/me"),
            r => r.Body.Items().Any(p => p.String("status") == "ready"), "Ivy's photo to be ready");
        var signedUrl = photos.Body.Items().Single().String("url")!;
        var matchId = await MatchAsync(ivy, jay);
        (await ivy.PostAsync($"/api/chat/conversations/{matchId}/messages", new { text = "Hi Jay" })).ShouldBe(HttpStatusCode.Created);
        await CardOfAsync(ken, ivy);
        await Eventually.GetAsync(() => jay.GetAsync("/api/matching/matches"),
            r => r.Body.Items().Any(m => m.Guid("userId") == ivy.UserId && m.Optional("photoUrl") is not null), "Ivy's photo on her match");
        var jayHub = await ConnectAsync(jay);
        using var anyone = new HttpClient();
        (await StatusOfAsync(anyone, signedUrl)).ShouldBe(HttpStatusCode.OK);

        (await ivy.DeleteAsync("/api/profiles/me")).ShouldBe(HttpStatusCode.NoContent);

        // At once: her sessions and her profile are gone.
        (await ivy.GetAsync("/api/auth/session")).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await Anonymous().PostAsync("/api/auth/login", new { email = ivy.Person!.Email, password = Person.Password })).ShouldBeProblem(HttpStatusCode.Unauthorized);
        (await jay.GetAsync($"/api/profiles/{ivy.UserId}")).ShouldBeProblem(HttpStatusCode.NotFound);

        // Within seconds: from every other module, as events reach it.
        (await jayHub.NextAsync("unmatched")).Guid("matchId").ShouldBe(matchId);
        await Eventually.GetAsync(() => jay.GetAsync("/api/matching/matches"), r => r.Status == HttpStatusCode.OK && r.Body.Items().Count == 0, "the match to go");
        await Eventually.GetAsync(() => jay.GetAsync("/api/chat/conversations"), r => r.Status == HttpStatusCode.OK && r.Body.Items().Count == 0, "the conversation to go");
        (await jay.GetAsync($"/api/chat/conversations/{matchId}/messages")).ShouldBeProblem(HttpStatusCode.NotFound);
        await LeavesRecommendationsAsync(ken, ivy);
        await Eventually.GetAsync(() => jay.GetAsync($"/api/photos/{photoId}"), r => r.Status == HttpStatusCode.NotFound, "Ivy's photo to go");
        (await jay.GetAsync($"/api/photos/{photoId}")).ShouldBeProblem(HttpStatusCode.NotFound);
        (await jay.GetAsync($"/api/photos/{photoId}/image")).ShouldBeProblem(HttpStatusCode.NotFound);
        await Eventually.GetAsync(() => StatusOfAsync(anyone, signedUrl), status => status == HttpStatusCode.NotFound, "the photo's blob to go");
        (await ken.PostAsync("/api/matching/swipes", new { targetUserId = ivy.UserId, decision = "like" })).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    private static async Task<HttpStatusCode> StatusOfAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
