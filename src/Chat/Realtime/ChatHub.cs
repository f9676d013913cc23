using Dating.BuildingBlocks.Sessions;
using Dating.Chat.Messages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Dating.Chat.Realtime;

/// <summary>
/// The real-time side of chat. Clients receive <c>message</c>, <c>matched</c>, <c>unmatched</c> and <c>read</c>
/// (addressed by user, so they reach every connection of that user on any replica through the backplane).
/// </summary>
[Authorize]
internal sealed class ChatHub(Messenger messenger) : Hub
{
    public const string Path = "/hubs/chat";

    public Task<MessageResponse> SendMessage(Guid matchId, string text) => SendAsync(matchId, text, clientMessageId: null);

    /// <summary>The idempotent variant: a retry with the same <paramref name="clientMessageId"/> returns the stored message.</summary>
    public Task<MessageResponse> SendMessageWithClientId(Guid matchId, string text, string clientMessageId) =>
        SendAsync(matchId, text, clientMessageId);

    private async Task<MessageResponse> SendAsync(Guid matchId, string text, string? clientMessageId)
    {
        var sender = Context.User?.GetUserId() ?? throw new HubException("Not signed in.");
        var outcome = await messenger.SendAsync(matchId, sender, text, clientMessageId, Context.ConnectionAborted);
        return outcome switch
        {
            SendOutcome.Sent sent => sent.Message,
            SendOutcome.NotFound => throw new HubException("No such conversation."),
            SendOutcome.Closed => throw new HubException("The conversation is closed."),
            SendOutcome.Invalid invalid => throw new HubException(invalid.Error),
            SendOutcome.RateLimited limited => throw new HubException(
                $"Too many messages; try again in {Math.Ceiling(limited.RetryAfter.TotalSeconds)} s."),
            SendOutcome.ClientMessageIdReused => throw new HubException("That clientMessageId was already used for another conversation."),
            _ => throw new HubException("The message could not be sent."),
        };
    }
}
