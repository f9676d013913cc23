using Microsoft.Extensions.DependencyInjection;

namespace Dating.AppHost.Hosting;

/// <summary>
/// Redis that survives the loss of its master (<c>--ha</c>): two Redis servers, the first started as the master and
/// the second as its replica, and three Sentinels that watch them and promote the replica when the master stops
/// answering (quorum 2). Its connection string names the Sentinels and the master's service name, so
/// StackExchange.Redis asks the Sentinels where the master is, at the start and after every failover.
/// </summary>
public sealed class RedisSentinelSetResource(string name, IReadOnlyList<int> sentinelPorts) : Resource(name), IResourceWithConnectionString
{
    /// <summary>The name the Sentinels know the master by.</summary>
    public const string ServiceName = "dating";

    public IReadOnlyList<int> SentinelPorts => sentinelPorts;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{string.Join(',', SentinelPorts.Select(port => $"127.0.0.1:{port}"))},serviceName={ServiceName}");
}

/// <summary>One Redis Sentinel process of a <see cref="RedisSentinelSetResource"/>.</summary>
public sealed class RedisSentinelResource(string name, string dataDirectory, int port) : ExecutableResource(name, "/usr/bin/env", dataDirectory)
{
    public int Port => port;

    /// <summary>Sentinel rewrites it with what it learns (the current master, the other Sentinels): it must be writable.</summary>
    internal string ConfigFile => Path.Combine(WorkingDirectory, "sentinel.conf");
}

public static class RedisSentinelExtensions
{
    // Measured here (HA.md): with these the replica is master about 3.5 s after a kill -9 of the master.
    private const int DownAfterMilliseconds = 2000;
    private const int FailoverTimeoutMilliseconds = 5000;
    private const int Quorum = 2;

    /// <summary>
    /// The servers <c>{name}-0</c> (first master) and <c>{name}-1</c> (first replica), the Sentinels
    /// <c>{name}-sentinel-0..2</c>, and <paramref name="name"/> itself, whose connection string the services get.
    /// </summary>
    public static IResourceBuilder<RedisSentinelSetResource> AddRedisWithSentinels(
        this IDistributedApplicationBuilder builder, string name, IReadOnlyList<int> serverPorts, IReadOnlyList<int> sentinelPorts,
        LocalData data, IResourceBuilder<ServerInstallationResource> install)
    {
        var set = builder.AddResource(new RedisSentinelSetResource(name, sentinelPorts))
            .WithIconName("Memory")
            .WithInitialState(new CustomResourceSnapshot { ResourceType = "RedisSentinels", State = KnownResourceStates.Waiting, Properties = [] })
            .WithProbe("the Sentinels do not agree on a master with an online replica", ct => ReadyForFailoverAsync(sentinelPorts, ct))
            .ExcludeFromManifest();
        var master = builder.AddReplicatedRedisServer($"{name}-0", serverPorts[0], masterPort: null, data).WithParentRelationship(set).WaitForCompletion(install);
        builder.AddReplicatedRedisServer($"{name}-1", serverPorts[1], masterPort: serverPorts[0], data).WithParentRelationship(set).WaitFor(master);
        for (var i = 0; i < sentinelPorts.Count; i++)
        {
            var sentinel = builder.AddSentinel($"{name}-sentinel-{i}", sentinelPorts[i], serverPorts[0], data).WithParentRelationship(set).WaitFor(master);
            // Its health check decides Healthy from here on.
            builder.Eventing.Subscribe<ResourceReadyEvent>(sentinel.Resource, (e, _) =>
                e.Services.GetRequiredService<ResourceNotificationService>().PublishUpdateAsync(set.Resource, s => s with { State = KnownResourceStates.Running }));
        }

        return set;
    }

    /// <summary>
    /// A Redis server started from a config file of its own, written once: Sentinel rewrites it when it changes the
    /// server's role, so in the dev stack a failover's outcome survives a restart. As in the single-server stack,
    /// throwaway data means no append-only file; a killed master is not restarted by the stack, so an empty master
    /// never comes back to wipe its replica.
    /// </summary>
    private static IResourceBuilder<RedisServerResource> AddReplicatedRedisServer(
        this IDistributedApplicationBuilder builder, string name, int port, int? masterPort, LocalData data)
    {
        var server = new RedisServerResource(name, data.For(name), port);
        var configFile = Path.Combine(server.WorkingDirectory, "redis.conf");
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, (_, ct) => WriteOnceAsync(configFile,
            $"""
            bind 127.0.0.1
            port {port}
            dir {server.WorkingDirectory}
            daemonize no
            save ""
            appendonly {(data.UnsafeDurability ? "no" : "yes")}
            {(masterPort is { } master ? $"replicaof 127.0.0.1 {master}" : "")}
            """, ct));
        return builder.AddResource(server)
            .WithIconName("Memory")
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: "tcp", isProxied: false)
            .WithLateArgs(() => [ServerBinaries.Required(ServerBinaries.RedisServer(), "redis-server"), configFile])
            .WithProbe("Redis is neither a master nor a replica in sync", ct => MasterOrSyncedReplicaAsync(port, ct))
            .ExcludeFromManifest();
    }

    private static IResourceBuilder<RedisSentinelResource> AddSentinel(this IDistributedApplicationBuilder builder, string name, int port, int masterPort, LocalData data)
    {
        var sentinel = new RedisSentinelResource(name, data.For(name), port);
        const string service = RedisSentinelSetResource.ServiceName;
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(sentinel, (_, ct) => WriteOnceAsync(sentinel.ConfigFile,
            $"""
            bind 127.0.0.1
            port {port}
            dir {sentinel.WorkingDirectory}
            daemonize no
            sentinel monitor {service} 127.0.0.1 {masterPort} {Quorum}
            sentinel down-after-milliseconds {service} {DownAfterMilliseconds}
            sentinel failover-timeout {service} {FailoverTimeoutMilliseconds}
            sentinel parallel-syncs {service} 1
            """, ct));
        return builder.AddResource(sentinel)
            .WithIconName("Eye")
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: "tcp", isProxied: false)
            .WithLateArgs(() => [ServerBinaries.Required(ServerBinaries.RedisSentinel(), "redis-sentinel"), sentinel.ConfigFile])
            .WithProbe("Sentinel does not answer PING", ct => Probes.RedisPingAsync(port, ct))
            .ExcludeFromManifest();
    }

    // Later starts keep what Redis and Sentinel wrote into it.
    private static async Task WriteOnceAsync(string file, string contents, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            await File.WriteAllTextAsync(file, contents + "\n", ct);
        }
    }

    private static async Task<bool> MasterOrSyncedReplicaAsync(int port, CancellationToken ct) =>
        await Probes.RedisReplyAsync(port, "INFO replication", ct) is { } info
        && (info.Contains("role:master") || info.Contains("master_link_status:up"));

    /// <summary>
    /// Ready when a Sentinel sees the master up, knows the other two, and the master has a replica online: only then
    /// can a write wait for the replica, and a failover find one to promote.
    /// </summary>
    private static async Task<bool> ReadyForFailoverAsync(IReadOnlyList<int> sentinelPorts, CancellationToken ct)
    {
        foreach (var port in sentinelPorts)
        {
            if (await Probes.RedisReplyAsync(port, $"SENTINEL master {RedisSentinelSetResource.ServiceName}", ct) is not { Length: > 1 } reply)
            {
                continue;
            }

            var fields = reply.Chunk(2).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0], pair => pair[1]);
            return fields.GetValueOrDefault("flags") == "master"
                && int.TryParse(fields.GetValueOrDefault("num-other-sentinels"), out var others) && others >= sentinelPorts.Count - 1
                && int.TryParse(fields.GetValueOrDefault("port"), out var masterPort)
                && await Probes.RedisReplyAsync(masterPort, "INFO replication", ct) is { } info
                && info.Any(line => line.StartsWith("slave", StringComparison.Ordinal) && line.Contains("state=online"));
        }

        return false;
    }
}
