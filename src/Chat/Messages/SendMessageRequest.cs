namespace Dating.Chat.Messages;

/// <summary>A message to send; <paramref name="ClientMessageId"/> (unique per sender) makes retries safe.</summary>
public sealed record SendMessageRequest(string? Text, string? ClientMessageId);
