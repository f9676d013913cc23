using Dating.BuildingBlocks.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using StackExchange.Redis;

namespace Dating.BuildingBlocks.Persistence;

/// <summary>Redis or PostgreSQL unreachable: 503 with a retry hint, never a 500.</summary>
public sealed class BackingServiceUnavailableFilter(ILogger<BackingServiceUnavailableFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception exception) when (IsOutage(exception))
        {
            logger.LogWarning(exception, "A backing service is unreachable; answering 503.");
            return Problems.Unavailable(context.HttpContext.Response, "A backing service is unavailable. Try again shortly.");
        }
    }

    // EF wraps transient database errors (in DbUpdateException, or InvalidOperationException when it does not retry).
    internal static bool IsOutage(Exception? exception) => exception switch
    {
        null => false,
        RedisException or RedisTimeoutException => true,
        NpgsqlException { IsTransient: true } => true,
        // The server is going away (a kill, a shutdown, a failover) or not accepting connections yet.
        PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow } => true,
        // With several hosts (--ha): every host failed to connect, or none is the primary yet (the old one is down and the
        // standby not promoted). Npgsql says the latter with a bare NpgsqlException; a query's own errors are PostgresExceptions.
        NpgsqlException { InnerException: AggregateException hosts } => hosts.InnerExceptions.All(IsOutage),
        NpgsqlException { InnerException: null } bare when bare.GetType() == typeof(NpgsqlException) => true,
        DbUpdateException or InvalidOperationException => IsOutage(exception.InnerException),
        _ => false,
    };
}
