namespace Dating.Chat.RateLimiting;

/// <summary><c>Chat:RateLimit</c>: how many messages one user may send per window, across every replica.</summary>
internal sealed class MessageRateLimitOptions
{
    public const string SectionName = "Chat:RateLimit";

    public int PermitLimit { get; set; } = 30;

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);
}
