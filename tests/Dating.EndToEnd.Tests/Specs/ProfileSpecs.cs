using System.Net;
using Dating.EndToEnd.Tests.Client;
using Dating.EndToEnd.Tests.Stacks;

namespace Dating.EndToEnd.Tests.Specs;

public abstract class ProfileSpecs(TopologyStack stack) : ApiSpec(stack)
{
    [Fact]
    public async Task An_updated_profile_is_what_its_owner_reads_and_others_see_only_its_public_part()
    {
        var place = Place.Somewhere();
        var eve = await RegisterAsync(Person.Woman("Eve", place));
        var finn = await RegisterAsync(Person.Man("Finn", place));

        var mine = (await eve.GetAsync("/api/profiles/me")).ShouldBe(HttpStatusCode.OK);
        mine.Guid("userId").ShouldBe(eve.UserId);
        mine.String("email").ShouldBe(eve.Person!.Email);
        mine.String("displayName").ShouldBe("Eve");
        mine.String("birthDate").ShouldBe(eve.Person.BirthDate.ToString("yyyy-MM-dd"));
        mine.GetProperty("age").GetInt32().ShouldBe(30);

        var moved = place.North(3);
        var update = new
        {
            displayName = "  Eve Moss ",
            bio = "Climbing, coffee, and long walks.",
            gender = "woman",
            interestedIn = new[] { "man", "nonbinary" },
            ageRange = new { min = 25, max = 40 },
            maxDistanceKm = 30,
            location = moved.ToJson(),
            interests = new[] { "climbing", "coffee" },
        };
        var updated = (await eve.PutAsync("/api/profiles/me", update)).ShouldBe(HttpStatusCode.OK);
        var reread = (await eve.GetAsync("/api/profiles/me")).ShouldBe(HttpStatusCode.OK);
        foreach (var field in updated.Names().Where(name => name != "updatedAt"))
        {
            reread.GetProperty(field).GetRawText().ShouldBe(updated.GetProperty(field).GetRawText(), field);
        }

        // The stored time may be coarser (PostgreSQL keeps microseconds) than the one the update answered with.
        reread.GetProperty("updatedAt").GetDateTimeOffset().ShouldBe(updated.GetProperty("updatedAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        updated.String("displayName").ShouldBe("Eve Moss");
        updated.String("bio").ShouldBe("Climbing, coffee, and long walks.");
        updated.GetProperty("interestedIn").Items().Select(g => g.GetString()).ShouldBe(["man", "nonbinary"], ignoreOrder: true);
        updated.GetProperty("ageRange").GetProperty("min").GetInt32().ShouldBe(25);
        updated.GetProperty("ageRange").GetProperty("max").GetInt32().ShouldBe(40);
        updated.GetProperty("maxDistanceKm").GetInt32().ShouldBe(30);
        updated.GetProperty("location").GetProperty("latitude").GetDouble().ShouldBe(moved.Latitude, 1e-9);
        updated.GetProperty("interests").Items().Select(i => i.GetString()).ShouldBe(["climbing", "coffee"], ignoreOrder: true);

        var seen = (await finn.GetAsync($"/api/profiles/{eve.UserId}")).ShouldBe(HttpStatusCode.OK);
        seen.Guid("userId").ShouldBe(eve.UserId);
        seen.String("displayName").ShouldBe("Eve Moss");
        seen.GetProperty("age").GetInt32().ShouldBe(30);
        seen.String("bio").ShouldBe("Climbing, coffee, and long walks.");
        seen.String("gender").ShouldBe("woman");
        seen.GetProperty("interests").Items().Select(i => i.GetString()).ShouldBe(["climbing", "coffee"], ignoreOrder: true);
        seen.GetProperty("photos").Items().ShouldBeEmpty();
        seen.Names().ShouldNotContain("email");
        seen.Names().ShouldNotContain("birthDate");
        seen.Names().ShouldNotContain("location");
        seen.GetRawText().ShouldNotContain(eve.Person.Email);
        seen.GetRawText().ShouldNotContain(moved.Latitude.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Bad_profile_input_is_refused_field_by_field_and_changes_nothing()
    {
        var gus = await RegisterAsync(Person.Man("Gus", Place.Somewhere()));
        var before = (await gus.GetAsync("/api/profiles/me")).ShouldBe(HttpStatusCode.OK);

        var bad = new
        {
            displayName = "   ",
            bio = new string('b', 501),
            gender = "man",
            interestedIn = Array.Empty<string>(),
            ageRange = new { min = 40, max = 30 },
            maxDistanceKm = 0,
            location = new { latitude = 95.0, longitude = 10.0 },
            interests = new[] { "" },
        };
        (await gus.PutAsync("/api/profiles/me", bad))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "displayName", "bio", "interestedIn", "ageRange", "maxDistanceKm", "location.latitude", "interests");

        (await gus.GetAsync("/api/profiles/me")).ShouldBe(HttpStatusCode.OK).GetRawText().ShouldBe(before.GetRawText());
    }

    [Fact]
    public async Task A_json_body_over_64_KiB_is_refused_as_too_large()
    {
        var ned = await RegisterAsync(Person.Man("Ned", Place.Somewhere()));
        var huge = new
        {
            displayName = "Ned",
            bio = new string('x', 70 * 1024),
            gender = "man",
            interestedIn = new[] { "woman" },
            ageRange = new { min = 18, max = 99 },
            maxDistanceKm = 50,
            location = ned.Person!.Place.ToJson(),
        };
        (await ned.PutAsync("/api/profiles/me", huge)).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge);
        (await ned.GetAsync("/api/profiles/me")).ShouldBe(HttpStatusCode.OK).String("bio").ShouldBe("I am Ned.");
    }

    [Fact]
    public async Task An_unknown_user_has_no_profile()
    {
        var hal = await RegisterAsync(Person.Man("Hal", Place.Somewhere()));
        (await hal.GetAsync($"/api/profiles/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound);
    }
}
