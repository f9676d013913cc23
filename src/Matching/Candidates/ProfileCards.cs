using Dating.Contracts.Profiles;

namespace Dating.Matching.Candidates;

/// <summary>The card for the full profile state that both ProfileCreated and ProfileUpdated carry.</summary>
internal static class ProfileCards
{
    public static CandidateCard From(ProfileSnapshot e) => new()
    {
        UserId = e.UserId,
        DisplayName = e.DisplayName,
        BirthDate = e.BirthDate,
        Gender = GenderFlags.Of(e.Gender),
        InterestedIn = GenderFlags.Of(e.InterestedIn),
        AgeMin = e.AgeRange.Min,
        AgeMax = e.AgeRange.Max,
        MaxDistanceKm = e.MaxDistanceKm,
        Latitude = e.Location.Latitude,
        Longitude = e.Location.Longitude,
        Bio = e.Bio,
        Interests = [.. e.Interests],
        ProfileVersion = e.OccurredAt.ToUniversalTime(),
    };
}
