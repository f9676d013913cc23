namespace Dating.Contracts.Profiles;

/// <summary>
/// The full current state of a profile, as <see cref="ProfileCreated"/> and <see cref="ProfileUpdated"/> carry it
/// (consumers replace, never merge). The events derive from it rather than hold it, so their JSON stays flat.
/// </summary>
public abstract record ProfileSnapshot
{
    public Guid UserId { get; init; }

    // The references below are set by every producer and by the JSON reader: they need no default of their own.
    public string DisplayName { get; init; } = null!;

    public DateOnly BirthDate { get; init; }

    public Gender Gender { get; init; }

    public IReadOnlyList<Gender> InterestedIn { get; init; } = null!;

    public AgeRange AgeRange { get; init; } = null!;

    public int MaxDistanceKm { get; init; }

    public GeoLocation Location { get; init; } = null!;

    public string? Bio { get; init; }

    public IReadOnlyList<string> Interests { get; init; } = null!;

    public DateTimeOffset OccurredAt { get; init; }
}
