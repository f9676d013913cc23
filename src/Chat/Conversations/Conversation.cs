namespace Dating.Chat.Conversations;

/// <summary>The read model of a match: who may talk in it, and whether it is still open.</summary>
internal sealed class Conversation
{
    public Guid MatchId { get; init; }

    public Guid UserA { get; init; }

    public Guid UserB { get; init; }

    public DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; set; }

    public bool IsOpen => ClosedAt is null;

    public bool Involves(Guid userId) => UserA == userId || UserB == userId;

    public Guid OtherThan(Guid userId) => UserA == userId ? UserB : UserA;
}
