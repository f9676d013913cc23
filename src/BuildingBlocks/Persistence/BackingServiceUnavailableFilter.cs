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
    private static bool IsOutage(Exception? exception) => exception switch
    {
        null => false,
        RedisException or RedisTimeoutException => true,
        NpgsqlException { IsTransient: true } => true,
        DbUpdateException or InvalidOperationException => IsOutage(exception.InnerException),
        _ => false,
    };
}
