using Dating.Contracts.Matching;
using Dating.Contracts.Photos;
using Dating.Contracts.Profiles;
using Dating.Matching.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.Tests.IntegrationEvents;

/// <summary>The candidate cards follow Profiles and Photos through events alone, whatever order they arrive in.</summary>
public sealed class ReadModelTests(MatchingService service) : IClassFixture<MatchingService>
{
    [Fact]
    public async Task A_profile_update_reaches_the_cards_others_see()
    {
        var place = Places.Somewhere();
        using var her = await service.AddAsync(Person.Woman(place));
        var he = Person.Man(place.North(3));
        await service.AddAsync(he);

        await service.PublishAsync((he with { DisplayName = "Renamed", Interests = ["chess"] }).Updated());
        await service.WaitUntilAsync(db => db.Candidates.AnyAsync(c => c.UserId == he.UserId && c.DisplayName == "Renamed"));

        var card = (await her.RecommendationsAsync()).Single(r => r.UserId == he.UserId);
        card.DisplayName.ShouldBe("Renamed");
        card.Interests.ShouldBe(["chess"]);
    }

    [Fact]
    public async Task An_older_update_arriving_late_is_ignored()
    {
        var he = Person.Man(Places.Somewhere());
        await service.AddAsync(he);
        var now = DateTimeOffset.UtcNow;
        await service.PublishAsync((he with { DisplayName = "Newest" }).Updated(now.AddSeconds(10)));
        await service.WaitUntilAsync(db => db.Candidates.AnyAsync(c => c.UserId == he.UserId && c.DisplayName == "Newest"));

        await service.PublishAndWaitAsync((he with { DisplayName = "Stale" }).Updated(now.AddSeconds(5)));
        await service.PublishAndWaitAsync((he with { DisplayName = "Older" }).Created(now.AddSeconds(1)));

        (await service.QueryAsync(db => db.Candidates.SingleAsync(c => c.UserId == he.UserId))).DisplayName.ShouldBe("Newest");
    }

    [Fact]
    public async Task A_primary_photo_may_arrive_before_the_profile_and_a_deleted_photo_disappears()
    {
        var place = Places.Somewhere();
        using var her = await service.AddAsync(Person.Woman(place));
        var he = Person.Man(place.North(2));
        var photoId = Guid.NewGuid();
        await service.PublishAsync(new PrimaryPhotoChanged(he.UserId, photoId, DateTimeOffset.UtcNow));
        await service.WaitUntilAsync(db => db.PrimaryPhotos.AnyAsync(p => p.UserId == he.UserId));
        await service.AddAsync(he);

        (await her.RecommendationsAsync()).Single(r => r.UserId == he.UserId).PhotoUrl.ShouldBe($"/api/photos/{photoId}/thumbnail");

        await service.PublishAsync(new PhotoDeleted(photoId, he.UserId, DateTimeOffset.UtcNow));
        await service.WaitUntilAsync(db => db.PrimaryPhotos.AnyAsync(p => p.UserId == he.UserId && p.PhotoId == null));
        (await her.RecommendationsAsync()).Single(r => r.UserId == he.UserId).PhotoUrl.ShouldBeNull();
    }

    [Fact]
    public async Task A_deleted_account_takes_its_card_swipes_and_matches_and_ends_the_partners_match()
    {
        var place = Places.Somewhere();
        var leaving = Person.Woman(place);
        using var her = await service.AddAsync(leaving);
        using var him = await service.AddAsync(Person.Man(place));
        using var other = await service.AddAsync(Person.Man(place));
        await her.SwipeAsync(him.UserId);
        await her.SwipeAsync(other.UserId, "pass");
        var match = await him.SwipeAsync(her.UserId);

        await service.PublishAsync(new ProfileDeleted(leaving.UserId, DateTimeOffset.UtcNow));

        var ended = await service.Events.WaitForAsync<MatchEnded>(e => e.MatchId == match.MatchId);
        ended.Reason.ShouldBe(MatchEndReason.AccountDeleted);
        (await him.MatchesAsync()).ShouldBeEmpty();
        (await him.RecommendedIdsAsync()).ShouldNotContain(leaving.UserId);
        (await other.RecommendedIdsAsync()).ShouldNotContain(leaving.UserId);
        var leftovers = await service.QueryAsync(async db => new[]
        {
            await db.Candidates.CountAsync(c => c.UserId == leaving.UserId),
            (await service.QueryShardsAsync(shard => shard.Swipes.CountAsync(s => s.SwiperId == leaving.UserId || s.TargetId == leaving.UserId))).Sum(),
            (await service.MatchesAmongAsync([leaving.UserId])).Count,
        });
        leftovers.ShouldBe([0, 0, 0]);

        // A late event from before the deletion does not bring the account back.
        await service.PublishAndWaitAsync(leaving.Updated(DateTimeOffset.UtcNow.AddMinutes(-1)));
        await service.PublishAndWaitAsync(new PrimaryPhotoChanged(leaving.UserId, Guid.NewGuid(), DateTimeOffset.UtcNow));
        (await service.QueryAsync(db => db.PrimaryPhotos.AnyAsync(p => p.UserId == leaving.UserId))).ShouldBeFalse();
        (await service.QueryAsync(db => db.Candidates.AnyAsync(c => c.UserId == leaving.UserId))).ShouldBeFalse();
    }
}
