using Dating.Contracts;
using Dating.Contracts.Profiles;
using Dating.Profiles.ProfileManagement;

namespace Dating.Profiles.IntegrationEvents;

/// <summary>What other services learn about a profile: its full current state, never the e-mail.</summary>
internal static class ProfileEvents
{
    public static ProfileCreated Created(Profile profile, DateTimeOffset occurredAt) => Snapshot<ProfileCreated>(profile, occurredAt);

    public static ProfileUpdated Updated(Profile profile, DateTimeOffset occurredAt) => Snapshot<ProfileUpdated>(profile, occurredAt);

    public static ProfileDeleted Deleted(Guid userId, DateTimeOffset occurredAt) => new(userId, occurredAt);

    private static TEvent Snapshot<TEvent>(Profile profile, DateTimeOffset occurredAt)
        where TEvent : ProfileSnapshot, new() => new()
    {
        UserId = profile.UserId,
        DisplayName = profile.DisplayName,
        BirthDate = profile.BirthDate,
        Gender = profile.Gender,
        InterestedIn = [.. profile.InterestedIn],
        AgeRange = new AgeRange(profile.AgeMin, profile.AgeMax),
        MaxDistanceKm = profile.MaxDistanceKm,
        Location = new GeoLocation(profile.Latitude, profile.Longitude),
        Bio = profile.Bio,
        Interests = [.. profile.Interests],
        OccurredAt = occurredAt,
    };
}
