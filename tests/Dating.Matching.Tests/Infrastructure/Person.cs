using Dating.Contracts;
using Dating.Contracts.Profiles;

namespace Dating.Matching.Tests.Infrastructure;

/// <summary>A profile to put into the read model; defaults describe a 30-year-old woman looking for men of 25 to 35 within 50 km.</summary>
public sealed record Person
{
    /// <summary>A version 7 id, as Profiles gives every account; the seeder's synthetic users have version 4 ids.</summary>
    public Guid UserId { get; init; } = Guid.CreateVersion7();

    public string DisplayName { get; init; } = "Alex";

    public int Age { get; init; } = 30;

    public Gender Gender { get; init; } = Gender.Woman;

    public Gender[] InterestedIn { get; init; } = [Gender.Man];

    public AgeRange AgeRange { get; init; } = new(25, 35);

    public int MaxDistanceKm { get; init; } = 50;

    public GeoLocation Location { get; init; } = new(0, 0);

    public string? Bio { get; init; } = "Here for the tests.";

    public string[] Interests { get; init; } = [];

    /// <summary>Born half a year past the birthday, so the age is unambiguous whatever the time zone.</summary>
    public DateOnly BirthDate => DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-Age).AddDays(-180);

    public ProfileCreated Created(DateTimeOffset? at = null) => Snapshot<ProfileCreated>(at);

    public ProfileUpdated Updated(DateTimeOffset? at = null) => Snapshot<ProfileUpdated>(at);

    /// <summary>A man of 30 looking for women of 25 to 35, at the same place: compatible with the defaults.</summary>
    public static Person Man(GeoLocation at) => new() { Gender = Gender.Man, InterestedIn = [Gender.Woman], Location = at };

    public static Person Woman(GeoLocation at) => new() { Location = at };

    private TEvent Snapshot<TEvent>(DateTimeOffset? at)
        where TEvent : ProfileSnapshot, new() => new()
    {
        UserId = UserId,
        DisplayName = DisplayName,
        BirthDate = BirthDate,
        Gender = Gender,
        InterestedIn = InterestedIn,
        AgeRange = AgeRange,
        MaxDistanceKm = MaxDistanceKm,
        Location = Location,
        Bio = Bio,
        Interests = Interests,
        OccurredAt = at ?? DateTimeOffset.UtcNow,
    };
}
