using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Dating.BuildingBlocks.Sessions;

/// <summary>
/// The one way a service connects to Redis (sessions, caches, queues, rate limits, Chat's SignalR backplane), from
/// <c>ConnectionStrings:redis</c>: a server's address, or the Sentinels' addresses with <c>serviceName=</c>, in which
/// case StackExchange.Redis asks the Sentinels for the master and follows it through a failover.
/// </summary>
public static class RedisConnection
{
    private const int TimeoutMilliseconds = 2000;

    /// <summary>Options that fail fast: during an outage callers get an error in about 2 s, never a hang.</summary>
    public static ConfigurationOptions Options(IConfiguration configuration, ILoggerFactory? loggerFactory)
    {
        var connectionString = configuration.GetConnectionString("redis")
            ?? throw new InvalidOperationException("ConnectionStrings:redis is not configured.");

        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = TimeoutMilliseconds;
        options.SyncTimeout = TimeoutMilliseconds;
        options.AsyncTimeout = TimeoutMilliseconds;
        options.LoggerFactory = loggerFactory;
        return options;
    }

    internal static IConnectionMultiplexer Connect(IConfiguration configuration, ILoggerFactory? loggerFactory) =>
        ConnectionMultiplexer.Connect(Options(configuration, loggerFactory));
}
