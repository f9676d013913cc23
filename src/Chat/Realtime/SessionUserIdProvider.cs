using Dating.BuildingBlocks.Sessions;
using Microsoft.AspNetCore.SignalR;

namespace Dating.Chat.Realtime;

/// <summary>SignalR's user id is the session's user id, so <c>Clients.User(guid)</c> reaches every device of that user.</summary>
internal sealed class SessionUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) =>
        connection.User?.Identity?.IsAuthenticated == true ? ChatNotifier.Address(connection.User.GetUserId()) : null;
}
