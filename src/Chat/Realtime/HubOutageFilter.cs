using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using StackExchange.Redis;

namespace Dating.Chat.Realtime;

/// <summary>The hub's counterpart of the 503 problem: an outage of PostgreSQL or Redis becomes a clear, retryable hub error.</summary>
internal sealed class HubOutageFilter(ILogger<HubOutageFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (Exception exception) when (IsOutage(exception))
        {
            logger.LogWarning(exception, "A backing service is unreachable; {Method} is refused.", invocationContext.HubMethodName);
            throw new HubException("Chat is temporarily unavailable. Try again shortly.");
        }
    }

    private static bool IsOutage(Exception? exception) => exception switch
    {
        null => false,
        RedisException or RedisTimeoutException => true,
        NpgsqlException { IsTransient: true } => true,
        DbUpdateException or InvalidOperationException => IsOutage(exception.InnerException),
        _ => false,
    };
}
