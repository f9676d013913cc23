namespace Dating.Matching.Blocks;

internal sealed class Block
{
    public Guid BlockerId { get; set; }

    public Guid BlockedId { get; set; }

    public DateTimeOffset BlockedAt { get; set; }
}
