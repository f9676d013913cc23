using System.Text.Json;
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

    /// <summary>The Patroni nodes of the main PostgreSQL.</summary>
    public static readonly string[] PostgresNodes = ["postgres-0", "postgres-1"];

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

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

    /// <summary>The Patroni node that holds the leader lock with its PostgreSQL running, as the first node that answers says; null when none.</summary>
    public async Task<string?> PostgresLeaderAsync()
    {
        foreach (var node in PostgresNodes)
        {
            try
            {
                using var cluster = JsonDocument.Parse(await Http.GetStringAsync(new Uri(Stack.UrlOf(node, "patroni"), "/cluster")));
                return cluster.RootElement.GetProperty("members").EnumerateArray()
                    .Where(member => member.GetProperty("role").GetString() == "leader" && member.GetProperty("state").GetString() == "running")
                    .Select(member => member.GetProperty("name").GetString())
                    .FirstOrDefault();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // That node's Patroni is down: ask the next.
            }
        }

        return null;
    }

    /// <summary>
    /// The node the leader reports as its synchronous standby in state streaming, once Patroni has also recorded it as
    /// the synchronous standby (role sync_standby in /cluster, from its /sync key); null until both hold. Patroni names
    /// a new synchronous standby in PostgreSQL first and in its /sync key once the standby has confirmed: a standby
    /// killed between the two stayed in synchronous_standby_names and held every commit (seen once in CI, Patroni 3),
    /// so a fault test waits for the assignment to be complete before it kills the standby.
    /// </summary>
    public async Task<string?> PostgresSyncStandbyAsync()
    {
        if (await PostgresLeaderAsync() is not { } leader)
        {
            return null;
        }

        try
        {
            var patroni = Stack.UrlOf(leader, "patroni");
            using var status = JsonDocument.Parse(await Http.GetStringAsync(new Uri(patroni, "/patroni")));
            var streaming = status.RootElement.TryGetProperty("replication", out var standbys)
                ? standbys.EnumerateArray()
                    .Where(standby => standby.GetProperty("state").GetString() == "streaming" && standby.GetProperty("sync_state").GetString() == "sync")
                    .Select(standby => standby.GetProperty("application_name").GetString())
                    .FirstOrDefault()
                : null;
            if (streaming is null)
            {
                return null;
            }

            using var cluster = JsonDocument.Parse(await Http.GetStringAsync(new Uri(patroni, "/cluster")));
            return cluster.RootElement.GetProperty("members").EnumerateArray()
                .Any(member => member.GetProperty("name").GetString() == streaming && member.GetProperty("role").GetString() == "sync_standby")
                ? streaming
                : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}

[CollectionDefinition(HighAvailabilityStack.Collection)]
public sealed class HighAvailabilityCollection : ICollectionFixture<HighAvailabilityStack>;
