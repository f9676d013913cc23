namespace Dating.Chat.Messages;

internal sealed class Message
{
    public const int MaxTextLength = 2000;
    public const int MaxClientMessageIdLength = 100;

    public Guid Id { get; init; }

    public Guid MatchId { get; init; }

    public Guid SenderId { get; init; }

    public required string Text { get; init; }

    public DateTimeOffset SentAt { get; init; }

    /// <summary>The sender's own key for the message: a retried send with the same key stores nothing new.</summary>
    public string? ClientMessageId { get; init; }

    public MessageResponse ToResponse() => new(Id, MatchId, SenderId, Text, SentAt);
}
