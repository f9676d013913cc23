using Dating.Contracts;
using Dating.Contracts.Profiles;
using Dating.Profiles.ProfileManagement;

namespace Dating.Profiles.IntegrationEvents;

/// <summary>What other services learn about a profile: its full current state, never the e-mail.</summary>
internal static class ProfileEvents
{
    public static ProfileCreated Created(Profile profile, DateTimeOffset occurredAt) => new(
        profile.UserId,
        profile.DisplayName,
        profile.BirthDate,
        profile.Gender,
        [.. profile.InterestedIn],
        new AgeRange(profile.AgeMin, profile.AgeMax),
        profile.MaxDistanceKm,
        new GeoLocation(profile.Latitude, profile.Longitude),
        profile.Bio,
        [.. profile.Interests],
        occurredAt);

    public static ProfileUpdated Updated(Profile profile, DateTimeOffset occurredAt) => new(
        profile.UserId,
        profile.DisplayName,
        profile.BirthDate,
        profile.Gender,
        [.. profile.InterestedIn],
        new AgeRange(profile.AgeMin, profile.AgeMax),
        profile.MaxDistanceKm,
        new GeoLocation(profile.Latitude, profile.Longitude),
        profile.Bio,
        [.. profile.Interests],
        occurredAt);

    public static ProfileDeleted Deleted(Guid userId, DateTimeOffset occurredAt) => new(userId, occurredAt);
}
