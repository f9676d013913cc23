using Dating.AppHost.Hosting;
using Dating.Stacks;
using Dating.Testing;
using StackExchange.Redis;

namespace Dating.AppHost.Tests.HighAvailability;

/// <summary>
/// One app host started with <c>--ha</c>, shared by the failover tests (one after the other: each breaks a server the
/// other does not use), and what its Sentinels and Patroni nodes say.
/// </summary>
public sealed class HighAvailabilityStack : IAsyncLifetime
{
    public const string Collection = "high availability";

    public AppHostStack Stack { get; private set; } = null!;

    /// <summary>What the main PostgreSQL's Patroni nodes say.</summary>
    public PatroniView Patroni { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Stack = await TestStacks.StartAsync(["--ha"], TestContext.Current.CancellationToken);
        Patroni = new PatroniView(Stack);
    }

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

[CollectionDefinition(HighAvailabilityStack.Collection)]
public sealed class HighAvailabilityCollection : ICollectionFixture<HighAvailabilityStack>;
