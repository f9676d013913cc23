using Dating.Chat.Messages;
using Microsoft.AspNetCore.SignalR;

namespace Dating.Chat.Realtime;

/// <summary>Pushes chat events to users' connections, on whichever replica they are (the Redis backplane carries them).</summary>
internal sealed class ChatNotifier(IHubContext<ChatHub> hub)
{
    public static string Address(Guid userId) => userId.ToString("D");

    public Task MessageAsync(MessageResponse message, Guid userA, Guid userB) =>
        hub.Clients.Users(Address(userA), Address(userB)).SendAsync("message", message);

    public Task MatchedAsync(Guid matchId, Guid userA, Guid userB) => Task.WhenAll(
        hub.Clients.User(Address(userA)).SendAsync("matched", new MatchedNotice(matchId, userB)),
        hub.Clients.User(Address(userB)).SendAsync("matched", new MatchedNotice(matchId, userA)));

    public Task UnmatchedAsync(Guid matchId, params Guid[] users) =>
        hub.Clients.Users([.. users.Select(Address)]).SendAsync("unmatched", new UnmatchedNotice(matchId));

    public Task ReadAsync(Guid matchId, Guid reader, Guid upToMessageId, Guid recipient) =>
        hub.Clients.User(Address(recipient)).SendAsync("read", new ReadNotice(matchId, reader, upToMessageId));
}
