namespace Dating.Chat.Conversations;

/// <summary>The caller has read every message up to and including <paramref name="UpToMessageId"/>.</summary>
public sealed record ReadRequest(Guid? UpToMessageId);
