using Dating.Contracts;

namespace Dating.Profiles.ProfileManagement;

internal sealed class Profile
{
    public Guid UserId { get; init; }

    public required string DisplayName { get; set; }

    public DateOnly BirthDate { get; init; }

    public Gender Gender { get; set; }

    public List<Gender> InterestedIn { get; set; } = [];

    public string? Bio { get; set; }

    public int AgeMin { get; set; }

    public int AgeMax { get; set; }

    public int MaxDistanceKm { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public List<string> Interests { get; set; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}
