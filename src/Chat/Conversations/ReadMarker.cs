namespace Dating.Chat.Conversations;

/// <summary>How far one member has read a conversation: every message up to this (sent_at, id) position.</summary>
internal sealed class ReadMarker
{
    public Guid MatchId { get; init; }

    public Guid UserId { get; init; }

    public DateTimeOffset UpToSentAt { get; set; }

    public Guid UpToMessageId { get; set; }
}
