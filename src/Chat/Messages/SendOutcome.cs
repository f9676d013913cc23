namespace Dating.Chat.Messages;

/// <summary>What became of a send; REST and the hub turn it into their own answers.</summary>
internal abstract record SendOutcome
{
    /// <summary><paramref name="IsNew"/> is false when a retry found the message its clientMessageId stored before.</summary>
    public sealed record Sent(MessageResponse Message, bool IsNew) : SendOutcome;

    public sealed record NotFound : SendOutcome;

    public sealed record Closed : SendOutcome;

    public sealed record Invalid(string Field, string Error) : SendOutcome;

    public sealed record RateLimited(TimeSpan RetryAfter) : SendOutcome;

    public sealed record ClientMessageIdReused : SendOutcome;
}
