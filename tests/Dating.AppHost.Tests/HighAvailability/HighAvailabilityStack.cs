using Dating.AppHost.Hosting;
using Dating.Stacks;
using Dating.Testing;
using StackExchange.Redis;

namespace Dating.AppHost.Tests.HighAvailability;

/// <summary>One app host started with <c>--ha</c>, shared by the failover tests, and what its Sentinels say.</summary>
public sealed class HighAvailabilityStack : IAsyncLifetime
{
    public AppHostStack Stack { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Stack = await TestStacks.StartAsync(["--ha"], TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await Stack.DisposeAsync();

    /// <summary>The port of the Redis master as the first Sentinel that answers names it.</summary>
    public async Task<int> RedisMasterPortAsync()
    {
        foreach (var sentinel in new[] { "redis-sentinel-0", "redis-sentinel-1", "redis-sentinel-2" })
        {
            var port = Stack.UrlOf(sentinel, "tcp").Port;
            try
            {
                await using var connection = await ConnectionMultiplexer.SentinelConnectAsync($"127.0.0.1:{port},connectTimeout=1000");
                if (await connection.GetServer("127.0.0.1", port).SentinelGetMasterAddressByNameAsync(RedisSentinelSetResource.ServiceName) is System.Net.IPEndPoint master)
                {
                    return master.Port;
                }
            }
            catch (RedisConnectionException)
            {
                // That Sentinel is down: ask the next.
            }
        }

        throw new InvalidOperationException("No Sentinel names a Redis master.");
    }
}
