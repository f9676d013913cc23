using Dating.Contracts;
using Dating.Profiles.Photos;

namespace Dating.Profiles.ProfileManagement;

/// <summary>What anyone signed in may see: no e-mail, birth date or location.</summary>
internal sealed record PublicProfileResponse(
    Guid UserId,
    string DisplayName,
    int Age,
    string? Bio,
    Gender Gender,
    IReadOnlyList<string> Interests,
    IReadOnlyList<PublicPhoto> Photos)
{
    public static PublicProfileResponse From(PublicProfileSnapshot snapshot, DateOnly today) => new(
        snapshot.UserId,
        snapshot.DisplayName,
        AgeCalculator.YearsOld(snapshot.BirthDate, today),
        snapshot.Bio,
        snapshot.Gender,
        snapshot.Interests,
        [.. snapshot.PhotoIds.Select(PublicPhoto.For)]);
}
