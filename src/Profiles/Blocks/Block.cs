namespace Dating.Profiles.Blocks;

/// <summary>One user blocked another (learnt from Matching): from then on neither sees the other's profile.</summary>
internal sealed class Block
{
    public Guid BlockerId { get; init; }

    public Guid BlockedId { get; init; }

    public DateTimeOffset BlockedAt { get; init; }
}
