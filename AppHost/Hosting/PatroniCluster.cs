using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dating.AppHost.Hosting;

/// <summary>
/// PostgreSQL that survives the loss of its primary (<c>--ha</c>): two PostgreSQL servers, each run by its own Patroni,
/// which hold a leader lock in etcd; when the leader's lock expires (ttl 10 s) the other Patroni promotes its standby.
/// Replication is synchronous (Patroni's <c>synchronous_mode</c>): a commit is acknowledged once the standby has it, so
/// a failover loses no acknowledged write. Its connection string lists both servers with
/// <c>Target Session Attributes=read-write</c>, so Npgsql finds whichever is the primary, before and after a failover.
/// </summary>
public sealed class PatroniClusterResource(string name, IReadOnlyList<int> postgresPorts, IReadOnlyList<int> restApiPorts) : Resource(name), IPostgresServerResource
{
    /// <summary>The cluster's name in etcd (Patroni's scope).</summary>
    public const string Scope = "dating";

    public IReadOnlyList<int> PostgresPorts => postgresPorts;

    /// <summary>Each node's Patroni REST API (<c>/cluster</c>, <c>/health</c>, <c>/patroni</c>).</summary>
    public IReadOnlyList<int> RestApiPorts => restApiPorts;

    List<PostgresDatabaseResource> IPostgresServerResource.Databases { get; } = [];

    private string Hosts => string.Join(',', PostgresPorts.Select(port => $"127.0.0.1:{port}"));

    string IPostgresServerResource.AdminConnectionString(string database) =>
        $"Host={Hosts};Username=postgres;Database={database};Target Session Attributes=read-write;Pooling=false;Timeout=3";

    // Npgsql remembers which server was a standby for Host Recheck Seconds (10 by default) and skips it meanwhile:
    // 2 s, so a standby promoted a moment ago is tried again soon after the primary is lost.
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"Host={Hosts};Username=postgres;Target Session Attributes=read-write;Host Recheck Seconds=2");
}

/// <summary>One Patroni process of a <see cref="PatroniClusterResource"/>, with the PostgreSQL it starts, stops and promotes.</summary>
public sealed class PatroniNodeResource(string name, string dataDirectory, int postgresPort, int restApiPort)
    : ExecutableResource(name, Environment.IsPrivilegedProcess ? "setpriv" : "/usr/bin/env", dataDirectory)
{
    public int PostgresPort => postgresPort;

    public int RestApiPort => restApiPort;

    internal string ConfigFile => Path.Combine(WorkingDirectory, "patroni.yml");

    internal string ClusterDirectory => Path.Combine(WorkingDirectory, "cluster");
}

public static class PatroniClusterExtensions
{
    // Measured here (HA.md): with these a kill -9 of the primary's Patroni and postmaster is a failover of about 9 s.
    private const int LeaderTtlSeconds = 10;
    private const int LoopWaitSeconds = 2;
    private const int RetryTimeoutSeconds = 5;

    /// <summary>
    /// etcd <c>{name}-etcd</c>, the nodes <c>{name}-0</c> (the first leader) and <c>{name}-1</c> (its standby), and
    /// <paramref name="name"/> itself, whose connection string the services get and whose databases are created on the leader.
    /// </summary>
    public static IResourceBuilder<PatroniClusterResource> AddPatroniCluster(
        this IDistributedApplicationBuilder builder, string name, IReadOnlyList<int> postgresPorts, IReadOnlyList<int> restApiPorts,
        (int Client, int Peer) etcdPorts, LocalData data, IResourceBuilder<ServerInstallationResource> install)
    {
        var cluster = builder.AddResource(new PatroniClusterResource(name, postgresPorts, restApiPorts))
            .WithIconName("DatabaseStack")
            .WithInitialState(new CustomResourceSnapshot { ResourceType = "PatroniCluster", State = KnownResourceStates.Waiting, Properties = [] })
            .WithProbe("no leader with a synchronous standby streaming from it", ct => LeaderWithSyncStandbyAsync(restApiPorts, ct))
            .ExcludeFromManifest();
        builder.Eventing.Subscribe<ResourceReadyEvent>(cluster.Resource, (e, ct) =>
            PostgresExtensions.CreateDatabasesAsync(cluster.Resource, e.Services.GetRequiredService<ResourceNotificationService>(), ct));
        var etcd = builder.AddEtcd($"{name}-etcd", etcdPorts.Client, etcdPorts.Peer, data).WithParentRelationship(cluster).WaitForCompletion(install);
        IResourceBuilder<PatroniNodeResource>? previous = null;
        for (var i = 0; i < postgresPorts.Count; i++)
        {
            var node = builder.AddPatroniNode($"{name}-{i}", postgresPorts[i], restApiPorts[i], etcdPorts.Client, data).WithParentRelationship(cluster).WaitFor(etcd);
            // The first node bootstraps the cluster (initdb) and leads; the others start from its base backup.
            node = previous is null ? node : node.WaitFor(previous);
            // Its health check decides Healthy from here on.
            builder.Eventing.Subscribe<ResourceReadyEvent>(node.Resource, (e, _) =>
                e.Services.GetRequiredService<ResourceNotificationService>().PublishUpdateAsync(cluster.Resource, s => s with { State = KnownResourceStates.Running }));
            previous = node;
        }

        return cluster;
    }

    private static IResourceBuilder<PatroniNodeResource> AddPatroniNode(
        this IDistributedApplicationBuilder builder, string name, int postgresPort, int restApiPort, int etcdClientPort, LocalData data)
    {
        var node = new PatroniNodeResource(name, PostgresExtensions.PostgresDataFolder(data.For(name)), postgresPort, restApiPort);
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(node, async (e, ct) =>
        {
            var log = e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(node);
            RefuseIfAlreadyRunning(node);
            await StopLeftoverPostgresAsync(node, log, ct);
            await File.WriteAllTextAsync(node.ConfigFile, Config(node, etcdClientPort, data), ct);
            if (Environment.IsPrivilegedProcess)
            {
                // Patroni runs as the postgres user: it writes its pgpass, the socket and the cluster into the node's folder.
                await PostgresExtensions.MustSucceedAsync(["chown", "-R", $"{PostgresServerResource.SystemUser}:{PostgresServerResource.SystemUser}", node.WorkingDirectory], log, ct);
            }
        });
        return builder.AddResource(node)
            .WithIconName("Database")
            .WithEndpoint(port: postgresPort, targetPort: postgresPort, scheme: "tcp", name: "tcp", isProxied: false)
            .WithEndpoint(port: restApiPort, targetPort: restApiPort, scheme: "http", name: "patroni", isProxied: false)
            // As root, setpriv execs Patroni in place as the postgres user, so the process Aspire holds (and stops) is Patroni itself.
            .WithLateArgs(() => PostgresExtensions.AsServerUser(
                [ServerBinaries.DebianPython, ServerBinaries.Required(ServerBinaries.Patroni(), "Patroni"), node.ConfigFile]))
            .WithProbe("Patroni does not report its PostgreSQL running", ct =>
                Probes.HttpJsonAsync($"http://127.0.0.1:{restApiPort}/health", json => json.GetProperty("state").GetString() == "running", ct))
            .ExcludeFromManifest();
    }

    /// <summary>
    /// Patroni's configuration (YAML; JSON is YAML, so System.Text.Json writes it). Written at every start: the ports of an
    /// isolated stack change, and Patroni itself keeps the cluster-wide settings in etcd after the bootstrap.
    /// </summary>
    private static string Config(PatroniNodeResource node, int etcdClientPort, LocalData data)
    {
        var trust = new[] { "local all all trust", "host all all 127.0.0.1/32 trust", "host replication all 127.0.0.1/32 trust" };
        // Tests may skip fsync (a kill -9 of a process loses nothing the kernel already has), but not synchronous_commit
        // (the synchronous standby would no longer be waited for) nor full_page_writes (pg_rewind needs them).
        var local = new Dictionary<string, object> { ["unix_socket_directories"] = node.WorkingDirectory };
        if (data.UnsafeDurability)
        {
            local["fsync"] = "off";
        }

        var config = new
        {
            scope = PatroniClusterResource.Scope,
            name = node.Name,
            restapi = new { listen = $"127.0.0.1:{node.RestApiPort}", connect_address = $"127.0.0.1:{node.RestApiPort}" },
            // etcd 3.4 speaks the v3 API: Patroni's etcd3 section (its etcd section would need etcd's --enable-v2).
            etcd3 = new { hosts = new[] { $"127.0.0.1:{etcdClientPort}" } },
            bootstrap = new
            {
                dcs = new
                {
                    ttl = LeaderTtlSeconds,
                    loop_wait = LoopWaitSeconds,
                    retry_timeout = RetryTimeoutSeconds,
                    maximum_lag_on_failover = 1024 * 1024,
                    synchronous_mode = true,
                    postgresql = new
                    {
                        use_pg_rewind = true,
                        parameters = new Dictionary<string, object> { ["wal_log_hints"] = "on", ["max_connections"] = data.Throwaway ? 400 : 200 },
                    },
                },
                initdb = new object[] { new { encoding = "UTF8" }, new { locale = "C.UTF-8" } },
            },
            postgresql = new
            {
                listen = $"127.0.0.1:{node.PostgresPort}",
                connect_address = $"127.0.0.1:{node.PostgresPort}",
                data_dir = node.ClusterDirectory,
                bin_dir = ServerBinaries.Required(ServerBinaries.PostgresBin(), "PostgreSQL"),
                pgpass = Path.Combine(node.WorkingDirectory, "pgpass"),
                authentication = new
                {
                    superuser = new { username = "postgres" },
                    // Loopback connections are trusted (as in the single-server stack); Patroni creates this role at the bootstrap.
                    replication = new { username = "replicator", password = "replicator" },
                    rewind = new { username = "postgres" },
                },
                pg_hba = trust,
                parameters = local,
            },
        };
        return JsonSerializer.Serialize(config, new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>
    /// Stops, in pg_ctl's immediate mode, a PostgreSQL that the node's last Patroni left running: Patroni detaches the
    /// PostgreSQL it starts, so a kill -9 of Patroni alone leaves it serving. The new Patroni would adopt it, and when it
    /// was the primary and the standby has been promoted meanwhile, Patroni 3 reloads it before it demotes it; as we
    /// read the logs, that reload drops synchronous_standby_names, so the commits that had been waiting for the lost
    /// standby are acknowledged to their clients, and the rewind that follows discards them (seen: 3 acknowledged
    /// messages lost, twice, in <c>faults --ha</c>; 3 registrations in <c>PostgresFailoverTests</c> without this stop).
    /// An immediate stop answers none of them, so the node starts from a stopped server instead.
    /// </summary>
    private static async Task StopLeftoverPostgresAsync(PatroniNodeResource node, ILogger log, CancellationToken ct)
    {
        if (LocalProcesses.PidFromFile(Path.Combine(node.ClusterDirectory, "postmaster.pid")) is not { } pid
            || !LocalProcesses.ArgumentsOf(pid).Any(argument => argument.Contains("postgres", StringComparison.Ordinal)))
        {
            return;
        }

        log.LogWarning("The PostgreSQL of {Node} still runs without its Patroni (pid {Pid}): stopping it at once, so that no commit it holds is acknowledged.", node.Name, pid);
        string[] stop = [Path.Combine(ServerBinaries.Required(ServerBinaries.PostgresBin(), "PostgreSQL"), "pg_ctl"), "stop", "-D", node.ClusterDirectory, "-m", "immediate", "-w"];
        await PostgresExtensions.MustSucceedAsync(Environment.IsPrivilegedProcess ? ["setpriv", .. PostgresExtensions.AsServerUser(stop)] : stop, log, ct);
    }

    /// <summary>
    /// A second Patroni for the same node rewrites the first one's postgresql.conf under it (HA.md), for example a
    /// Patroni left over from an app host that was killed. Patroni writes no pid file, so this looks for a process
    /// that runs the node's config file (hand-written: /proc is the only place that says it).
    /// </summary>
    private static void RefuseIfAlreadyRunning(PatroniNodeResource node)
    {
        if (!Directory.Exists("/proc"))
        {
            return;
        }

        foreach (var pid in Directory.EnumerateDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var p) ? p : 0).Where(p => p > 0))
        {
            var arguments = LocalProcesses.ArgumentsOf(pid);
            if (arguments.Contains(node.ConfigFile) && arguments.Any(argument => argument.EndsWith("patroni", StringComparison.Ordinal)))
            {
                throw new InvalidOperationException(
                    $"A Patroni for {node.Name} is already running (pid {pid}, {node.ConfigFile}): stop it first, a second one would corrupt its PostgreSQL's configuration.");
            }
        }
    }

    /// <summary>
    /// Ready for a failover when a node's view of the cluster has a running leader, and that leader reports a
    /// synchronous standby streaming from it: only then is a write acknowledged by both, and is there a standby to promote.
    /// </summary>
    private static async Task<bool> LeaderWithSyncStandbyAsync(IReadOnlyList<int> restApiPorts, CancellationToken ct)
    {
        foreach (var port in restApiPorts)
        {
            using var cluster = await Probes.HttpJsonDocumentAsync($"http://127.0.0.1:{port}/cluster", ct);
            if (cluster is null || !cluster.RootElement.TryGetProperty("members", out var members))
            {
                continue;
            }

            var leader = members.EnumerateArray().FirstOrDefault(m => m.GetProperty("role").GetString() == "leader" && m.GetProperty("state").GetString() == "running");
            return leader.ValueKind == JsonValueKind.Object && leader.TryGetProperty("api_url", out var api)
                && await Probes.HttpJsonAsync(api.GetString()!, status => status.GetProperty("replication").EnumerateArray()
                    .Any(standby => standby.GetProperty("state").GetString() == "streaming" && standby.GetProperty("sync_state").GetString() == "sync"), ct);
        }

        return false;
    }
}
