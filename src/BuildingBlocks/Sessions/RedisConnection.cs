using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Dating.BuildingBlocks.Sessions;

internal static class RedisConnection
{
    private const int TimeoutMilliseconds = 2000;

    /// <summary>A multiplexer that fails fast: during an outage callers get an error in about 2 s, never a hang.</summary>
    public static IConnectionMultiplexer Connect(IConfiguration configuration, ILoggerFactory? loggerFactory)
    {
        var connectionString = configuration.GetConnectionString("redis")
            ?? throw new InvalidOperationException("ConnectionStrings:redis is not configured.");

        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = TimeoutMilliseconds;
        options.SyncTimeout = TimeoutMilliseconds;
        options.AsyncTimeout = TimeoutMilliseconds;
        options.LoggerFactory = loggerFactory;
        return ConnectionMultiplexer.Connect(options);
    }
}
