using Dating.Contracts;
using Dating.Profiles.Accounts;

namespace Dating.Profiles.ProfileManagement;

/// <summary>Everything the owner may see and edit.</summary>
internal sealed record OwnProfileResponse(
    Guid UserId,
    string Email,
    string DisplayName,
    DateOnly BirthDate,
    int Age,
    string? Bio,
    Gender Gender,
    IReadOnlyList<Gender> InterestedIn,
    AgeRange AgeRange,
    int MaxDistanceKm,
    GeoLocation Location,
    IReadOnlyList<string> Interests,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static OwnProfileResponse From(Account account, DateOnly today)
    {
        var profile = account.Profile;
        return new OwnProfileResponse(
            account.Id,
            account.Email,
            profile.DisplayName,
            profile.BirthDate,
            AgeCalculator.YearsOld(profile.BirthDate, today),
            profile.Bio,
            profile.Gender,
            profile.InterestedIn,
            new AgeRange(profile.AgeMin, profile.AgeMax),
            profile.MaxDistanceKm,
            new GeoLocation(profile.Latitude, profile.Longitude),
            profile.Interests,
            profile.CreatedAt,
            profile.UpdatedAt);
    }
}
