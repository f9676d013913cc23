using System.Net;
using System.Text.Json;
using Dating.Profiles.Tests.Infrastructure;
using Dating.Testing;

namespace Dating.Profiles.Tests.ProfileManagement;

public sealed class ProfileTests(ProfilesServiceFixture service) : IClassFixture<ProfilesServiceFixture>
{
    private static readonly object Update = new
    {
        displayName = "Sam",
        bio = "Now into sailing.",
        gender = "nonbinary",
        interestedIn = new[] { "woman" },
        ageRange = new { min = 25, max = 40 },
        maxDistanceKm = 30,
        location = new { latitude = 48.1351, longitude = 11.582 },
        interests = new[] { "sailing", "jazz" },
    };

    [Fact]
    public async Task The_owner_sees_the_full_profile()
    {
        using var client = service.CreateClient();
        var body = Registration.Valid();
        var session = await client.RegisterAsync(body);

        using var response = await client.GetAsync("/api/profiles/me", session.Token);

        var profile = await response.ShouldBeJsonAsync<OwnProfile>(HttpStatusCode.OK);
        profile.UserId.ShouldBe(session.UserId);
        profile.Email.ShouldBe((string)body["email"]!);
        profile.DisplayName.ShouldBe("Alex");
        profile.BirthDate.ToString("yyyy-MM-dd").ShouldBe((string)body["birthDate"]!);
        profile.Age.ShouldBe(30);
        profile.Gender.ShouldBe("woman");
        profile.InterestedIn.ShouldBe(["man", "nonbinary"]);
        profile.Location.ShouldBe(new GeoPoint(52.52, 13.405));
        profile.AgeRange.ShouldBe(new AgeRangeModel(18, 120));
        profile.MaxDistanceKm.ShouldBe(50);
        profile.Interests.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_public_profile_hides_email_birth_date_and_location()
    {
        using var client = service.CreateClient();
        var owner = await client.RegisterAsync();
        var viewer = await client.RegisterAsync();

        using var response = await client.GetAsync($"/api/profiles/{owner.UserId}", viewer.Token);

        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        using var json = JsonDocument.Parse(text);
        var fields = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        fields.ShouldBe(["userId", "displayName", "age", "bio", "gender", "interests", "photos"], ignoreOrder: true);
        json.RootElement.GetProperty("age").GetInt32().ShouldBe(30);
        json.RootElement.GetProperty("photos").GetArrayLength().ShouldBe(0);
        text.ShouldNotContain("example.com");
        text.ShouldNotContain("52.52");
    }

    [Fact]
    public async Task An_update_is_visible_at_once_in_the_public_profile()
    {
        using var client = service.CreateClient();
        var owner = await client.RegisterAsync();
        var viewer = await client.RegisterAsync();
        using (var before = await client.GetAsync($"/api/profiles/{owner.UserId}", viewer.Token))
        {
            (await before.Content.ReadAsStringAsync()).ShouldContain("Alex");
        }

        using var put = await client.SendAsync(HttpMethod.Put, "/api/profiles/me", owner.Token, Update);

        var updated = await put.ShouldBeJsonAsync<OwnProfile>(HttpStatusCode.OK);
        updated.DisplayName.ShouldBe("Sam");
        updated.AgeRange.ShouldBe(new AgeRangeModel(25, 40));
        using var after = await client.GetAsync($"/api/profiles/{owner.UserId}", viewer.Token);
        var text = await after.Content.ReadAsStringAsync();
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
        text.ShouldContain("\"displayName\":\"Sam\"");
        text.ShouldContain("\"gender\":\"nonbinary\"");
        text.ShouldContain("sailing");
        using var mine = await client.GetAsync("/api/profiles/me", owner.Token);
        var own = await mine.ShouldBeJsonAsync<OwnProfile>(HttpStatusCode.OK);
        own.Location.ShouldBe(new GeoPoint(48.1351, 11.582));
        own.Interests.ShouldBe(["sailing", "jazz"]);
    }

    [Fact]
    public async Task An_invalid_update_is_refused_and_changes_nothing()
    {
        using var client = service.CreateClient();
        var owner = await client.RegisterAsync();

        using var put = await client.SendAsync(HttpMethod.Put, "/api/profiles/me", owner.Token, new
        {
            displayName = "Sam",
            gender = "man",
            interestedIn = new[] { "woman" },
            ageRange = new { min = 40, max = 30 },
            maxDistanceKm = 0,
            location = new { latitude = -91, longitude = 0 },
        });

        var problem = await put.Content.ReadAsStringAsync();
        put.StatusCode.ShouldBe(HttpStatusCode.BadRequest, problem);
        problem.ShouldContain("ageRange");
        problem.ShouldContain("maxDistanceKm");
        problem.ShouldContain("location.latitude");
        using var mine = await client.GetAsync("/api/profiles/me", owner.Token);
        (await mine.ShouldBeJsonAsync<OwnProfile>(HttpStatusCode.OK)).DisplayName.ShouldBe("Alex");
    }

    [Fact]
    public async Task Deleting_the_account_hides_the_profile_and_kills_every_session()
    {
        using var client = service.CreateClient();
        var body = Registration.Valid();
        var owner = await client.RegisterAsync(body);
        using var login = await client.LoginAsync((string)body["email"]!, Registration.Password);
        var secondSession = await login.ShouldBeJsonAsync<SessionResult>(HttpStatusCode.OK);
        var viewer = await client.RegisterAsync();
        using (var cached = await client.GetAsync($"/api/profiles/{owner.UserId}", viewer.Token))
        {
            cached.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var delete = await client.SendAsync(HttpMethod.Delete, "/api/profiles/me", owner.Token);

        delete.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var gone = await client.GetAsync($"/api/profiles/{owner.UserId}", viewer.Token);
        await gone.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        foreach (var token in new[] { owner.Token, secondSession.Token })
        {
            using var dead = await client.GetAsync("/api/auth/session", token);
            await dead.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        }

        using var relogin = await client.LoginAsync((string)body["email"]!, Registration.Password);
        relogin.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_user_is_404_problem_details()
    {
        using var client = service.CreateClient();
        var viewer = await client.RegisterAsync();

        using var unknown = await client.GetAsync($"/api/profiles/{Guid.NewGuid()}", viewer.Token);
        using var notAnId = await client.GetAsync("/api/profiles/not-a-guid", viewer.Token);

        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await notAnId.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
