using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Dating.AppHost.Hosting;
using Dating.AppHost.Options;
using Dating.Benchmarks.Scenarios.Matching;
using Dating.BuildingBlocks.Modules;
using Dating.Stacks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dating.Benchmarks.Stacks;

/// <summary>
/// The stack users run (an <see cref="AppHostStack"/>: free ports, throwaway data, its own PostgreSQL, Redis, RabbitMQ and
/// Azurite) with every limit that would throttle a load test off, and the benchmark's view of it: each replica's app
/// process and each backing server's process, to measure and to kill. Each resource's console output goes to its file (<see cref="LogFileOf"/>).
/// </summary>
public sealed class BenchmarkStack : IAsyncDisposable
{
    // Quiet services, and no limit meant for abusive clients: the load generator is one client address.
    private static readonly Dictionary<string, string> BenchmarkSettings = new()
    {
        ["Logging__LogLevel__Default"] = "Warning",
        ["Gateway__RateLimiting__Enabled"] = "false",
        ["Chat__RateLimit__PermitLimit"] = "100000000",
        ["Profiles__LoginRateLimit__PerEmail"] = "100000000",
        ["Profiles__LoginRateLimit__PerAddress"] = "100000000",
    };

    private readonly AppHostStack _stack;
    private readonly Action<string> _log;
    private IReadOnlyList<int> _backingPids;

    private BenchmarkStack(AppHostStack stack, Topology topology, Action<string> log, (double Seconds, string Output)? seed)
    {
        _stack = stack;
        Topology = topology;
        _log = log;
        Seed = seed;
        Processes = [.. stack.Model.Resources.OfType<ProjectResource>().Select(ProcessOf)];
        _backingPids = FindBackingPids();
    }

    public Topology Topology { get; }

    public static string LogRoot { get; } = Path.Combine(Path.GetTempPath(), "dating-benchmarks", "logs");

    /// <summary>The matching seeder's wall time and output, when the stack was started with seeded users.</summary>
    public (double Seconds, string Output)? Seed { get; }

    /// <summary>Every service replica and the gateway.</summary>
    public IReadOnlyList<StackProcess> Processes { get; }

    /// <summary>Every service replica, without the gateway.</summary>
    public IEnumerable<StackProcess> Replicas => Processes.Where(p => p.Service != "gateway");

    /// <summary>The gateway; a lone monolith has none: it serves the public API itself.</summary>
    public StackProcess? Gateway => Processes.FirstOrDefault(p => p.Service == "gateway");

    public Uri PublicUrl => _stack.PublicUrl;

    /// <summary>
    /// The backing servers' processes (PostgreSQL's postmaster, Redis, RabbitMQ and its epmd, Azurite, Patroni and etcd): each
    /// one's cost is its process tree. Found when the stack starts and again after a server's Start (a new pid); read often
    /// (every meter sample), so it is not looked up each time.
    /// </summary>
    public IReadOnlyList<int> BackingPids => _backingPids;

    public IEnumerable<StackProcess> ReplicasOf(string service) => Replicas.Where(p => p.Service == service);

    public StackProcess Replica(string service, int index) =>
        ReplicasOf(service).FirstOrDefault(p => p.Index == index) ?? throw new InvalidOperationException($"There is no replica {index} of {service}.");

    public string LogFileOf(string resource) => _stack.LogFileOf(resource);

    /// <param name="replicas">Running replicas per service (the app host's <c>--replicas</c>).</param>
    /// <param name="environment">Extra settings for every .NET process.</param>
    /// <param name="seededUsers">Synthetic users seeded into the matching read model once its database exists, before any service starts.</param>
    /// <param name="durable">The dev stack's durability settings instead of the tests' fast, unsafe ones (<c>--durable</c>).</param>
    /// <param name="shards">PostgreSQL servers for matching's swipe shards (the app host's <c>--shards</c>; its default when null).</param>
    /// <param name="highAvailability">The main PostgreSQL under Patroni with a synchronous standby, Redis with a replica and Sentinels (<c>--ha</c>).</param>
    /// <param name="projectsRoot">Another checkout, built, whose projects the stack runs (<see cref="RevisionBuild"/>); null: this one's.</param>
    public static async Task<BenchmarkStack> StartAsync(
        Action<string> log, CancellationToken ct, IReadOnlyDictionary<string, int>? replicas = null,
        IReadOnlyDictionary<string, string>? environment = null, Topology topology = Topology.Microservices, int seededUsers = 0, bool durable = false,
        int? shards = null, bool highAvailability = false, string? projectsRoot = null)
    {
        List<string> args = ["--topology", topology.ToString().ToLowerInvariant(), .. durable ? ["--durable"] : Array.Empty<string>(), .. highAvailability ? ["--ha"] : Array.Empty<string>()];
        if (shards is { } servers)
        {
            args.AddRange(["--shards", servers.ToString(CultureInfo.InvariantCulture)]);
        }

        foreach (var (service, count) in replicas ?? new Dictionary<string, int>())
        {
            args.AddRange(["--replicas", string.Create(CultureInfo.InvariantCulture, $"{service}={count}")]);
        }

        (double Seconds, string Output)? seed = null;
        var stack = await AppHostStack.StartAsync(
            new StackStart(args, LogRoot, log)
            {
                Environment = BenchmarkSettings.Concat(environment ?? new Dictionary<string, string>()).ToDictionary(),
                ProjectsRoot = projectsRoot,
                Configure = builder =>
                {
                    // The app host's own warnings go to stderr beside the benchmark's log; stdout is the report's.
                    // Resources' output is in their files, and failing health checks are how the app host waits for a server.
                    builder.Services.AddLogging(logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Warning)
                        .AddFilter("Dating.AppHost.Resources", LogLevel.None)
                        .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
                        .AddSimpleConsole(console => console.SingleLine = true)
                        .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
                    if (seededUsers > 0)
                    {
                        SeedWhenReady(builder, topology, seededUsers, log, result => seed = result);
                    }
                },
            },
            ct);
        var benchmarkStack = new BenchmarkStack(stack, topology, log, seed);
        log(string.Join(", ", benchmarkStack.Processes.Select(p => $"{p.Name} (pid {p.Pid})")));
        return benchmarkStack;
    }

    // The services wait for their database to be ready, and readiness waits for this handler: they start on seeded data.
    private static void SeedWhenReady(
        IDistributedApplicationTestingBuilder builder, Topology topology, int seededUsers, Action<string> log, Action<(double Seconds, string Output)> seeded)
    {
        var database = builder.Resources.OfType<IResourceWithConnectionString>().Single(r => r.Name == (topology == Topology.Monolith ? "monolith" : ModuleCatalog.Matching.Database));
        builder.Eventing.Subscribe<ResourceReadyEvent>(database, async (_, token) =>
        {
            var connectionStrings = new Dictionary<string, string>();
            foreach (var resource in builder.Resources.OfType<IResourceWithConnectionString>())
            {
                connectionStrings[resource.Name] = await resource.ConnectionStringExpression.GetValueAsync(token) ?? "";
            }

            connectionStrings[ModuleCatalog.Matching.Database] = connectionStrings[database.Name];
            log(string.Create(CultureInfo.InvariantCulture, $"seeding {seededUsers:N0} synthetic users into {database.Name}"));
            var seed = await MatchingSeed.RunAsync(connectionStrings, seededUsers, token);
            seeded(seed);
            log(string.Create(CultureInfo.InvariantCulture, $"seeded in {seed.Seconds:0.0} s"));
        });
    }

    public Task<string> ConnectionStringAsync(string resource, CancellationToken ct) => _stack.ConnectionStringAsync(resource, ct);

    /// <summary>The database that holds <paramref name="module"/>'s schema: its own, or the monolith's one.</summary>
    public Task<string> DatabaseOfAsync(ModuleEntry module, CancellationToken ct) =>
        ConnectionStringAsync(Topology == Topology.Monolith ? "monolith" : module.Database, ct);

    /// <summary>
    /// Every swipe shard's database, as the latest shard map in matching's database names them: on the app host's shard
    /// servers, or the monolith's own database (its one shard).
    /// </summary>
    public async Task<IReadOnlyList<string>> SwipeShardDatabasesAsync(CancellationToken ct) =>
        Topology == Topology.Monolith
            ? [await DatabaseOfAsync(ModuleCatalog.Matching, ct)]
            : [.. (await SwipeShardMapAsync(ct)).Databases.Values];

    /// <summary>The latest shard map of a microservices stack: its shards' databases by shard name, and the ring's virtual nodes.</summary>
    public async Task<(IReadOnlyDictionary<string, string> Databases, int VirtualNodes)> SwipeShardMapAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(await DatabaseOfAsync(ModuleCatalog.Matching, ct));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT shards, virtual_nodes FROM matching.shard_maps ORDER BY version DESC LIMIT 1", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            throw new InvalidOperationException("Matching has no shard map yet.");
        }

        var (shards, virtualNodes) = (reader.GetFieldValue<string[]>(0), reader.GetInt32(1));
        var databases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var shard in shards)
        {
            databases[shard] = await ConnectionStringAsync(SwipeShardServers.DatabaseResourceOf(shard), ct);
        }

        return (databases, virtualNodes);
    }

    /// <summary>
    /// What the matching host's verbs need, by connection name: matching's database and every shard server the app host
    /// started (<c>matching-shard-N</c>), in the map or not, as the serving replicas get them.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> MatchingConnectionStringsAsync(CancellationToken ct)
    {
        var strings = new Dictionary<string, string> { [ModuleCatalog.Matching.Database] = await DatabaseOfAsync(ModuleCatalog.Matching, ct) };
        for (var i = 0; _stack.Model.Resources.Any(r => r.Name == SwipeShardServers.DatabaseResourceOf(SwipeShardServers.NameOf(i))); i++)
        {
            strings[SwipeShardServers.NameOf(i)] = await ConnectionStringAsync(SwipeShardServers.DatabaseResourceOf(SwipeShardServers.NameOf(i)), ct);
        }

        return strings;
    }

    /// <summary>What the Patroni nodes of a stack started with <c>highAvailability</c> say.</summary>
    public PatroniView Patroni => new(_stack);

    /// <summary>The address of a resource's endpoint, such as RabbitMQ's <c>management</c>.</summary>
    public Uri UrlOf(string resource, string endpoint) => _stack.UrlOf(resource, endpoint);

    /// <summary>
    /// SIGKILL to a backing server and every process it started, as a crash of its machine would: its process tree, and
    /// whatever listens on its endpoints' ports outside that tree. Patroni detaches the PostgreSQL it starts (so that
    /// PostgreSQL outlives a Patroni crash); a kill of Patroni's tree alone left that PostgreSQL serving as a primary.
    /// </summary>
    public void KillServer(string resource)
    {
        // The resource's own process last in the list: it is killed first, before it can start a new child.
        foreach (var pid in Load.ProcessTree.WithDescendants([.. ListenersOf(resource), _stack.PidOf(resource)]))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // already gone
            }
        }
    }

    /// <summary>The dashboard's Start command on a stopped or killed resource; returns once it is healthy (within 5 minutes: servers boot slowly under load).</summary>
    public async Task StartResourceAsync(string resource, CancellationToken ct)
    {
        await _stack.StartResourceAsync(resource, ct, TimeSpan.FromMinutes(5));
        _backingPids = FindBackingPids();
    }

    /// <summary>
    /// A server's process and whatever listens on its ports (the roots of what it costs): Patroni detaches the PostgreSQL
    /// it starts, so a node's postmaster is not in Patroni's process tree.
    /// </summary>
    public IReadOnlyList<int> ServerPids(string resource) => [.. ListenersOf(resource).Append(_stack.PidOf(resource)).Where(pid => pid > 0).Distinct()];

    private IReadOnlyList<int> FindBackingPids() =>
        [.. _stack.Model.Resources.OfType<ExecutableResource>().SelectMany(r => ServerPids(r.Name)).Distinct()];

    // Only endpoints the server binds itself: behind a proxied one DCP listens, and DCP's tree is the whole stack.
    private IEnumerable<int> ListenersOf(string resource) =>
        _stack.Model.Resources.Single(r => r.Name == resource).Annotations.OfType<EndpointAnnotation>()
            .Where(endpoint => !endpoint.IsProxied && endpoint.AllocatedEndpoint is not null)
            .Select(endpoint => ListeningProcess.TryOf(endpoint.AllocatedEndpoint!.Port))
            .OfType<int>()
            .ToList();

    /// <summary>The dashboard's Stop command (a graceful stop, as scaling in does); returns once the resource has stopped.</summary>
    public Task StopResourceAsync(string resource, CancellationToken ct) => _stack.StopResourceAsync(resource, ct);

    /// <summary>SIGKILL to the app process, as a crash would: DCP marks the replica exited and does not start it again.</summary>
    public void Kill(StackProcess process)
    {
        try
        {
            using var app = Process.GetProcessById(process.Pid);
            app.Kill();
        }
        catch (ArgumentException)
        {
            // already gone
        }
    }

    /// <summary>
    /// A replica as it runs now: after the dashboard's Start command it is a new process, which <see cref="Processes"/>
    /// (taken at start) does not know.
    /// </summary>
    public StackProcess Current(string resource) =>
        ProcessOf(_stack.Model.Resources.OfType<ProjectResource>().Single(p => p.Name == resource));

    public async ValueTask DisposeAsync()
    {
        await _stack.DisposeAsync();
        _log("stack stopped");
    }

    private StackProcess ProcessOf(ProjectResource project)
    {
        var dash = project.Name.LastIndexOf('-');
        var (service, index) = dash > 0 && int.TryParse(project.Name[(dash + 1)..], CultureInfo.InvariantCulture, out var i)
            ? (project.Name[..dash], i)
            : (project.Name, 0);
        return new StackProcess(project.Name, service, index, _stack.UrlOf(project.Name), _stack.PidOf(project.Name));
    }
}
