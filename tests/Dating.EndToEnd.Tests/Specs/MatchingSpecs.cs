using System.Net;
using Dating.EndToEnd.Tests.Client;
using Dating.EndToEnd.Tests.Stacks;
using Dating.Testing;

namespace Dating.EndToEnd.Tests.Specs;

public abstract class MatchingSpecs(TopologyStack stack) : ApiSpec(stack)
{
    [Fact]
    public async Task Recommendations_respect_both_sides_preferences_ages_and_distances()
    {
        var here = Place.Somewhere();
        var people = await RegisterAsync(
            Person.Man("Leo", here),                                    // wants women aged 25 to 40 within 50 km
            Person.Woman("Mia", here.North(2)),                         // fits Leo on every count
            new Person("Nora", "woman", ["man"], here.North(1), Age: 60), // too old for Leo
            new Person("Oli", "nonbinary", ["man"], here.North(1)),     // not a gender Leo wants
            Person.Woman("Pia", here.North(1), "woman"),                // does not want men
            Person.Woman("Quinn", here.North(120)),                     // too far for Leo
            Person.Man("Rex", here, "woman", "nonbinary"));             // wants women and nonbinary people of any age, 500 km
        var (leo, mia, nora, oli, _, quinn, rex) = (people[0], people[1], people[2], people[3], people[4], people[5], people[6]);
        (await leo.PutAsync("/api/profiles/me", Preferences(leo.Person!, ["woman"], 25, 40, 50))).ShouldBe(HttpStatusCode.OK);
        (await rex.PutAsync("/api/profiles/me", Preferences(rex.Person!, ["woman", "nonbinary"], 18, 99, 500))).ShouldBe(HttpStatusCode.OK);
        (await quinn.PutAsync("/api/profiles/me", Preferences(quinn.Person!, ["man"], 18, 99, 500))).ShouldBe(HttpStatusCode.OK);

        // Rex takes anyone who takes him: every profile has reached matching once he sees exactly them.
        await ExactlyAsync(rex, [mia, nora, oli, quinn]);
        await ExactlyAsync(leo, [mia]);

        var card = await CardOfAsync(leo, mia);
        card.String("displayName").ShouldBe("Mia");
        card.GetProperty("age").GetInt32().ShouldBe(30);
        card.GetProperty("distanceKm").GetDouble().ShouldBeInRange(1.8, 2.2);
        card.String("bio").ShouldBe("I am Mia.");
        card.GetProperty("interests").Items().ShouldBeEmpty();
        card.Names().ShouldNotContain("email");
        card.Names().ShouldNotContain("location");
        (await CardOfAsync(rex, quinn)).GetProperty("distanceKm").GetDouble().ShouldBeInRange(115, 125);

        // Swiped people leave, whether liked or passed; the limit is honoured.
        (await rex.PostAsync("/api/matching/swipes", new { targetUserId = nora.UserId, decision = "pass" })).ShouldBe(HttpStatusCode.OK)
            .GetProperty("matched").GetBoolean().ShouldBeFalse();
        (await rex.PostAsync("/api/matching/swipes", new { targetUserId = oli.UserId, decision = "like" })).ShouldBe(HttpStatusCode.OK)
            .GetProperty("matched").GetBoolean().ShouldBeFalse();
        await ExactlyAsync(rex, [mia, quinn]);
        (await rex.GetAsync("/api/matching/recommendations?limit=1")).ShouldBe(HttpStatusCode.OK).Items().Count.ShouldBe(1);
        (await leo.GetAsync("/api/matching/recommendations?limit=1000")).ShouldBe(HttpStatusCode.OK).Ids("userId").ShouldBe([mia.UserId]);
    }

    [Fact]
    public async Task Mutual_likes_make_exactly_one_match_and_bad_swipes_are_refused()
    {
        var here = Place.Somewhere();
        var sam = await RegisterAsync(Person.Man("Sam", here));
        var tia = await RegisterAsync(Person.Woman("Tia", here.North(0.5)));
        await CardOfAsync(sam, tia);
        await CardOfAsync(tia, sam);

        (await sam.PostAsync("/api/matching/swipes", new { targetUserId = sam.UserId, decision = "like" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "targetUserId");
        (await sam.PostAsync("/api/matching/swipes", new { targetUserId = Guid.NewGuid(), decision = "like" }))
            .ShouldBeProblem(HttpStatusCode.NotFound);
        (await sam.PostAsync("/api/matching/swipes", new { targetUserId = tia.UserId, decision = "love" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "decision");

        for (var i = 0; i < 2; i++)
        {
            var like = (await sam.PostAsync("/api/matching/swipes", new { targetUserId = tia.UserId, decision = "like" })).ShouldBe(HttpStatusCode.OK);
            like.GetProperty("matched").GetBoolean().ShouldBeFalse();
        }

        var mutual = (await tia.PostAsync("/api/matching/swipes", new { targetUserId = sam.UserId, decision = "like" })).ShouldBe(HttpStatusCode.OK);
        mutual.GetProperty("matched").GetBoolean().ShouldBeTrue();
        var matchId = mutual.Guid("matchId");
        var again = (await tia.PostAsync("/api/matching/swipes", new { targetUserId = sam.UserId, decision = "like" })).ShouldBe(HttpStatusCode.OK);
        if (again.GetProperty("matched").GetBoolean())
        {
            again.Guid("matchId").ShouldBe(matchId);
        }

        foreach (var (me, other) in new[] { (sam, tia), (tia, sam) })
        {
            var matches = (await me.GetAsync("/api/matching/matches")).ShouldBe(HttpStatusCode.OK).Items();
            var match = matches.ShouldHaveSingleItem();
            match.Guid("matchId").ShouldBe(matchId);
            match.Guid("userId").ShouldBe(other.UserId);
            match.String("displayName").ShouldBe(other.Name);
            match.GetProperty("matchedAt").GetDateTimeOffset().ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(2));
            (await me.GetAsync("/api/matching/recommendations")).ShouldBe(HttpStatusCode.OK).Ids("userId").ShouldNotContain(other.UserId);
        }
    }

    private static object Preferences(Person person, string[] interestedIn, int minAge, int maxAge, int maxDistanceKm) => new
    {
        displayName = person.Name,
        bio = $"I am {person.Name}.",
        gender = person.Gender,
        interestedIn,
        ageRange = new { min = minAge, max = maxAge },
        maxDistanceKm,
        location = person.Place.ToJson(),
        interests = Array.Empty<string>(),
    };

    private static Task ExactlyAsync(ApiClient viewer, ApiClient[] expected) => Eventually.GetAsync(
        () => viewer.GetAsync("/api/matching/recommendations"),
        r => r.Status == HttpStatusCode.OK && r.Body.Ids("userId").Order().SequenceEqual(expected.Select(e => e.UserId).Order()),
        $"{viewer.Name}'s recommendations to be exactly {string.Join(", ", expected.Select(e => e.Name))}");
}
