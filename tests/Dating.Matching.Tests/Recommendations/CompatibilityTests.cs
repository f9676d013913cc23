using Dating.Contracts;
using Dating.Matching.Tests.Infrastructure;

namespace Dating.Matching.Tests.Recommendations;

/// <summary>Both sides' preferences hold both ways: gender, age and distance.</summary>
public sealed class CompatibilityTests(MatchingService service) : IClassFixture<MatchingService>
{
    // She: 30, a woman looking for men of 25 to 35 within 50 km. He: 30, a man looking for women of 25 to 35 within 50 km, 10 km away.
    [Theory]
    [InlineData("both as they are", true)]
    [InlineData("he is a woman", false)]
    [InlineData("he wants men only", false)]
    [InlineData("he wants everyone, she is nonbinary and wants everyone", true)]
    [InlineData("he is 36", false)]
    [InlineData("he is 35, her maximum", true)]
    [InlineData("he is 25, her minimum", true)]
    [InlineData("he is 24", false)]
    [InlineData("he wants 18 to 29", false)]
    [InlineData("he wants 31 to 40", false)]
    [InlineData("he wants 30 to 30", true)]
    [InlineData("she accepts 5 km", false)]
    [InlineData("he accepts 5 km", false)]
    [InlineData("both accept 11 km", true)]
    [InlineData("he is 60 km away, both accept 100 km", true)]
    [InlineData("he is 60 km away", false)]
    public async Task Recommendations_respect_both_sides_preferences(string situation, bool compatible)
    {
        var place = Places.Somewhere();
        var she = Person.Woman(place);
        var he = Person.Man(place.North(10));
        (she, he) = situation switch
        {
            "both as they are" => (she, he),
            "he is a woman" => (she, he with { Gender = Gender.Woman }),
            "he wants men only" => (she, he with { InterestedIn = [Gender.Man] }),
            "he wants everyone, she is nonbinary and wants everyone" => (
                she with { Gender = Gender.Nonbinary, InterestedIn = [Gender.Man, Gender.Woman, Gender.Nonbinary] },
                he with { InterestedIn = [Gender.Man, Gender.Woman, Gender.Nonbinary] }),
            "he is 36" => (she, he with { Age = 36 }),
            "he is 35, her maximum" => (she, he with { Age = 35 }),
            "he is 25, her minimum" => (she, he with { Age = 25 }),
            "he is 24" => (she, he with { Age = 24 }),
            "he wants 18 to 29" => (she, he with { AgeRange = new AgeRange(18, 29) }),
            "he wants 31 to 40" => (she, he with { AgeRange = new AgeRange(31, 40) }),
            "he wants 30 to 30" => (she, he with { AgeRange = new AgeRange(30, 30) }),
            "she accepts 5 km" => (she with { MaxDistanceKm = 5 }, he),
            "he accepts 5 km" => (she, he with { MaxDistanceKm = 5 }),
            "both accept 11 km" => (she with { MaxDistanceKm = 11 }, he with { MaxDistanceKm = 11 }),
            "he is 60 km away, both accept 100 km" => (
                she with { MaxDistanceKm = 100 }, he with { Location = place.North(60), MaxDistanceKm = 100 }),
            "he is 60 km away" => (she, he with { Location = place.North(60) }),
            _ => throw new ArgumentOutOfRangeException(nameof(situation), situation, "Unknown situation."),
        };

        using var her = await service.AddAsync(she);
        using var him = await service.AddAsync(he);

        (await her.RecommendedIdsAsync()).Contains(he.UserId).ShouldBe(compatible, $"{situation}: he in her recommendations");
        (await him.RecommendedIdsAsync()).Contains(she.UserId).ShouldBe(compatible, $"{situation}: she in his recommendations");
    }

    [Fact]
    public async Task A_recommendation_shows_the_card_with_age_distance_and_no_photo_yet()
    {
        var place = Places.Somewhere();
        using var her = await service.AddAsync(Person.Woman(place));
        var he = Person.Man(place.North(10)) with
        {
            DisplayName = "Sam", Age = 33, Bio = "Cyclist.", Interests = ["cycling", "coffee"],
        };
        await service.AddAsync(he);

        var card = (await her.RecommendationsAsync()).Single(r => r.UserId == he.UserId);

        card.DisplayName.ShouldBe("Sam");
        card.Age.ShouldBe(33);
        card.DistanceKm.ShouldBe(10, tolerance: 0.2);
        card.Bio.ShouldBe("Cyclist.");
        card.Interests.ShouldBe(["cycling", "coffee"]);
        card.PhotoUrl.ShouldBeNull();
    }

    [Fact]
    public async Task Closer_candidates_and_shared_interests_rank_first()
    {
        var place = Places.Somewhere();
        using var her = await service.AddAsync(Person.Woman(place) with { Interests = ["jazz", "climbing", "books"] });
        var far = Person.Man(place.North(30));
        var near = Person.Man(place.North(5));
        var farButKindred = Person.Man(place.North(12)) with { Interests = ["jazz", "climbing", "books"] };
        foreach (var man in new[] { far, near, farButKindred })
        {
            await service.AddAsync(man);
        }

        var ids = await her.RecommendedIdsAsync();

        ids.Where(id => id == far.UserId || id == near.UserId || id == farButKindred.UserId)
            .ShouldBe([farButKindred.UserId, near.UserId, far.UserId]);
    }

    [Fact]
    public async Task The_limit_defaults_to_20_and_is_clamped_to_50()
    {
        var place = Places.Somewhere();
        using var her = await service.AddAsync(Person.Woman(place));
        await Task.WhenAll(Enumerable.Range(0, 55).Select(i => service.AddAsync(Person.Man(place.North(i * 0.1)))));

        (await her.RecommendationsAsync()).Count.ShouldBe(20);
        (await her.RecommendationsAsync(1000)).Count.ShouldBe(50);
        (await her.RecommendationsAsync(0)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_user_not_yet_in_the_read_model_gets_an_empty_list()
    {
        using var stranger = await service.SignInAsync(Guid.NewGuid());

        (await stranger.RecommendationsAsync()).ShouldBeEmpty();
    }
}
