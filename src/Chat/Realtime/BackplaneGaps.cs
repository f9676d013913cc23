using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Dating.Chat.Realtime;

/// <summary>
/// Closes this replica's hub connections when its Redis backplane subscription comes back after a loss. Redis pub/sub
/// keeps nothing for a subscriber that is away, so a message sent through another replica (or by this one, while Redis
/// was down) during the gap never reaches these connections, although they stayed open. Closed, they reconnect, and a
/// client catches up on reconnecting by reading the conversation again (the web client does): a gap the user can see
/// and repair instead of a silent one. SignalR's Redis backplane has no replay of its own; this is the hand-written
/// part, through its documented connection factory and hub filters.
/// </summary>
internal sealed class BackplaneGaps(ILogger<BackplaneGaps> logger) : IHubFilter
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new();

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        _connections[context.Context.ConnectionId] = context.Context;
        await next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        _connections.TryRemove(context.Context.ConnectionId, out _);
        return next(context, exception);
    }

    /// <summary>Watches <paramref name="redis"/>: its subscription connection restored means a gap just ended.</summary>
    public void Watch(IConnectionMultiplexer redis) =>
        redis.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Subscription)
            {
                CloseAll();
            }
        };

    public void CloseAll()
    {
        var connections = _connections.Values.ToList();
        logger.LogWarning("The Redis backplane is back after a loss; closing {Count} hub connection(s) so their clients catch up.", connections.Count);
        foreach (var connection in connections)
        {
            connection.Abort();
        }
    }
}
