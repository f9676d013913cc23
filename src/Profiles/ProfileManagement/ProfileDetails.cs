using Dating.Contracts;

namespace Dating.Profiles.ProfileManagement;

/// <summary>The editable part of a profile, validated and normalized (trimmed, de-duplicated).</summary>
internal sealed record ProfileDetails(
    string DisplayName,
    string? Bio,
    Gender Gender,
    List<Gender> InterestedIn,
    AgeRange AgeRange,
    int MaxDistanceKm,
    GeoLocation Location,
    List<string> Interests)
{
    public void ApplyTo(Profile profile)
    {
        profile.DisplayName = DisplayName;
        profile.Bio = Bio;
        profile.Gender = Gender;
        profile.InterestedIn = InterestedIn;
        profile.AgeMin = AgeRange.Min;
        profile.AgeMax = AgeRange.Max;
        profile.MaxDistanceKm = MaxDistanceKm;
        profile.Latitude = Location.Latitude;
        profile.Longitude = Location.Longitude;
        profile.Interests = Interests;
    }
}
