using Dating.BuildingBlocks.Http;
using Dating.Contracts;

namespace Dating.Profiles.ProfileManagement;

/// <summary>The rules every profile obeys, shared by registration and profile updates.</summary>
internal static class ProfileRules
{
    public const int MinimumAge = 18;
    public const int MaximumAge = 120;
    public const int DisplayNameMaxLength = 50;
    public const int BioMaxLength = 500;
    public const int MaxInterests = 10;
    public const int InterestMaxLength = 30;
    public const int MinDistanceKm = 1;
    public const int MaxDistanceKm = 500;

    public const int DefaultMaxDistanceKm = 50;

    public static readonly AgeRangeInput DefaultAgeRange = new(MinimumAge, MaximumAge);

    public static ProfileDetails? Validate(
        ValidationErrors errors,
        string? displayName,
        string? bio,
        Gender? gender,
        IReadOnlyList<Gender>? interestedIn,
        AgeRangeInput? ageRange,
        int? maxDistanceKm,
        LocationInput? location,
        IReadOnlyList<string?>? interests)
    {
        var name = ValidateDisplayName(errors, displayName);
        var normalizedBio = ValidateBio(errors, bio);
        ValidateGender(errors, "gender", gender);
        var wanted = ValidateInterestedIn(errors, interestedIn);
        var range = ValidateAgeRange(errors, ageRange);
        ValidateMaxDistance(errors, maxDistanceKm);
        var point = ValidateLocation(errors, location);
        var topics = ValidateInterests(errors, interests);

        return errors.IsEmpty
            ? new ProfileDetails(name!, normalizedBio, gender!.Value, wanted, range!, maxDistanceKm!.Value, point!, topics)
            : null;
    }

    public static void ValidateBirthDate(ValidationErrors errors, DateOnly? birthDate, DateOnly today)
    {
        if (birthDate is not { } date)
        {
            errors.Add("birthDate", "The birth date is required (yyyy-MM-dd).");
            return;
        }

        if (date > today)
        {
            errors.Add("birthDate", "The birth date cannot be in the future.");
        }
        else if (AgeCalculator.YearsOld(date, today) < MinimumAge)
        {
            errors.Add("birthDate", $"You must be at least {MinimumAge} years old.");
        }
        else if (AgeCalculator.YearsOld(date, today) > MaximumAge)
        {
            errors.Add("birthDate", $"The birth date must be within the last {MaximumAge} years.");
        }
    }

    private static string? ValidateDisplayName(ValidationErrors errors, string? displayName)
    {
        var name = displayName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("displayName", "The display name is required.");
        }
        else if (name.Length > DisplayNameMaxLength)
        {
            errors.Add("displayName", $"The display name must be at most {DisplayNameMaxLength} characters.");
        }

        return name;
    }

    private static string? ValidateBio(ValidationErrors errors, string? bio)
    {
        var text = bio?.Trim();
        if (text is { Length: > BioMaxLength })
        {
            errors.Add("bio", $"The bio must be at most {BioMaxLength} characters.");
        }

        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static void ValidateGender(ValidationErrors errors, string field, Gender? gender)
    {
        if (gender is null)
        {
            errors.Add(field, "The gender is required: man, woman or nonbinary.");
        }
        else if (!Enum.IsDefined(gender.Value))
        {
            errors.Add(field, "The gender must be man, woman or nonbinary.");
        }
    }

    private static List<Gender> ValidateInterestedIn(ValidationErrors errors, IReadOnlyList<Gender>? interestedIn)
    {
        if (interestedIn is null || interestedIn.Count == 0)
        {
            errors.Add("interestedIn", "Choose at least one of man, woman, nonbinary.");
            return [];
        }

        if (interestedIn.Any(gender => !Enum.IsDefined(gender)))
        {
            errors.Add("interestedIn", "Each entry must be man, woman or nonbinary.");
        }

        return [.. interestedIn.Distinct().Order()];
    }

    private static AgeRange? ValidateAgeRange(ValidationErrors errors, AgeRangeInput? ageRange)
    {
        if (ageRange is null)
        {
            errors.Add("ageRange", "The age range is required.");
            return null;
        }

        if (ageRange.Min is not { } min || ageRange.Max is not { } max)
        {
            errors.Add("ageRange", "Both min and max are required.");
            return null;
        }

        if (min < MinimumAge || max > MaximumAge || min > max)
        {
            errors.Add("ageRange", $"The age range must satisfy {MinimumAge} <= min <= max <= {MaximumAge}.");
            return null;
        }

        return new AgeRange(min, max);
    }

    private static void ValidateMaxDistance(ValidationErrors errors, int? maxDistanceKm)
    {
        if (maxDistanceKm is not (>= MinDistanceKm and <= MaxDistanceKm))
        {
            errors.Add("maxDistanceKm", $"The maximum distance must be between {MinDistanceKm} and {MaxDistanceKm} km.");
        }
    }

    private static GeoLocation? ValidateLocation(ValidationErrors errors, LocationInput? location)
    {
        if (location is null)
        {
            errors.Add("location", "The location is required.");
            return null;
        }

        if (location.Latitude is not { } latitude || !double.IsFinite(latitude) || latitude is < -90 or > 90)
        {
            errors.Add("location.latitude", "The latitude must be between -90 and 90.");
        }

        if (location.Longitude is not { } longitude || !double.IsFinite(longitude) || longitude is < -180 or > 180)
        {
            errors.Add("location.longitude", "The longitude must be between -180 and 180.");
        }

        return location is { Latitude: { } lat, Longitude: { } lon } ? new GeoLocation(lat, lon) : null;
    }

    private static List<string> ValidateInterests(ValidationErrors errors, IReadOnlyList<string?>? interests)
    {
        if (interests is null)
        {
            return [];
        }

        if (interests.Count > MaxInterests)
        {
            errors.Add("interests", $"At most {MaxInterests} interests.");
        }

        var trimmed = interests.Select(interest => interest?.Trim()).ToList();
        if (trimmed.Any(interest => string.IsNullOrEmpty(interest) || interest.Length > InterestMaxLength))
        {
            errors.Add("interests", $"Each interest must be 1 to {InterestMaxLength} characters.");
        }

        return [.. trimmed.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
