namespace Dating.Matching.Candidates;

/// <summary>What Matching knows of a user, kept from profile events: enough to pick and show candidates.</summary>
internal sealed class CandidateCard
{
    public Guid UserId { get; set; }

    public required string DisplayName { get; set; }

    public DateOnly BirthDate { get; set; }

    /// <summary>One <see cref="GenderFlags"/> bit.</summary>
    public int Gender { get; set; }

    /// <summary><see cref="GenderFlags"/> bits of the genders this user wants to see.</summary>
    public int InterestedIn { get; set; }

    public int AgeMin { get; set; }

    public int AgeMax { get; set; }

    public int MaxDistanceKm { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public string? Bio { get; set; }

    public string[] Interests { get; set; } = [];

    /// <summary>OccurredAt of the profile event this card reflects; older events are ignored.</summary>
    public DateTimeOffset ProfileVersion { get; set; }
}
