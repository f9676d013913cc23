using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Dating.AppHost.Options;
using Dating.Benchmarks.Scenarios.Matching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dating.Benchmarks.Stacks;

/// <summary>
/// The stack users run: the real app host (AppHost/Program.cs) started through Aspire.Hosting.Testing with
/// <c>--isolated</c> (free ports, throwaway data, its own PostgreSQL, Redis, RabbitMQ and Azurite), with every limit that
/// would throttle a load test off. Each resource's console output goes to a file in <see cref="Logs"/>.
/// </summary>
public sealed class BenchmarkStack : IAsyncDisposable
{
    // Measured: 30 s on an idle machine, over 5 min on one shared with other stacks.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);

    // Quiet services, and no limit meant for abusive clients: the load generator is one client address.
    private static readonly Dictionary<string, string> BenchmarkSettings = new()
    {
        ["Logging__LogLevel__Default"] = "Warning",
        ["Gateway__RateLimiting__Enabled"] = "false",
        ["Chat__RateLimit__PermitLimit"] = "100000000",
        ["Profiles__LoginRateLimit__PerEmail"] = "100000000",
        ["Profiles__LoginRateLimit__PerAddress"] = "100000000",
    };

    private readonly CancellationTokenSource _stopping = new();
    private readonly Action<string> _log;
    private IReadOnlyList<StackProcess> _processes = [];
    private IReadOnlyList<int> _backing = [];

    private BenchmarkStack(DistributedApplication app, string logs, Action<string> log)
    {
        App = app;
        Logs = logs;
        _log = log;
    }

    public static string LogRoot { get; } = Path.Combine(Path.GetTempPath(), "dating-benchmarks", "logs");

    public DistributedApplication App { get; }

    /// <summary>One file per resource with its console output.</summary>
    public string Logs { get; }

    /// <summary>The matching seeder's wall time and output, when the stack was started with seeded users.</summary>
    public (double Seconds, string Output)? Seed { get; private set; }

    /// <summary>Every service replica and the gateway.</summary>
    public IReadOnlyList<StackProcess> Processes => _processes;

    /// <summary>Every service replica, without the gateway.</summary>
    public IEnumerable<StackProcess> Replicas => _processes.Where(p => p.Service != "gateway");

    /// <summary>The gateway; a lone monolith has none: it serves the public API itself.</summary>
    public StackProcess? Gateway => _processes.FirstOrDefault(p => p.Service == "gateway");

    public Uri PublicUrl => (Gateway ?? Replica("monolith", 0)).Url;

    /// <summary>The backing servers' processes (PostgreSQL's postmaster, Redis, RabbitMQ and its epmd, Azurite): each one's cost is its process tree.</summary>
    public IReadOnlyList<int> BackingPids => _backing;

    public IEnumerable<StackProcess> ReplicasOf(string service) => Replicas.Where(p => p.Service == service);

    public StackProcess Replica(string service, int index) =>
        ReplicasOf(service).FirstOrDefault(p => p.Index == index) ?? throw new InvalidOperationException($"There is no replica {index} of {service}.");

    public string LogFileOf(string resource) => Path.Combine(Logs, $"{resource}.log");

    /// <param name="replicas">Running replicas per service (the app host's <c>--replicas</c>).</param>
    /// <param name="environment">Extra settings for every .NET process.</param>
    /// <param name="seededUsers">Synthetic users seeded into the matching read model once its database exists, before any service starts.</param>
    public static async Task<BenchmarkStack> StartAsync(
        Action<string> log, CancellationToken ct, IReadOnlyDictionary<string, int>? replicas = null,
        IReadOnlyDictionary<string, string>? environment = null, Topology topology = Topology.Microservices, int seededUsers = 0)
    {
        List<string> args = ["--isolated", "--topology", topology.ToString().ToLowerInvariant()];
        foreach (var (service, count) in replicas ?? new Dictionary<string, int>())
        {
            args.AddRange(["--replicas", string.Create(CultureInfo.InvariantCulture, $"{service}={count}")]);
        }

        var logs = Path.Combine(LogRoot, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}"[..24]);
        Directory.CreateDirectory(logs);
        log($"app host {string.Join(' ', args)}: logs in {logs}");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Dating_AppHost>([.. args], ct);
        // The app host's own warnings go to stderr beside the benchmark's log; stdout is the report's.
        // Resources' output is in their files, and failing health checks are how the app host waits for a server.
        builder.Services.AddLogging(logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Dating.AppHost.Resources", LogLevel.None)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None)
            .AddSimpleConsole(console => console.SingleLine = true)
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            var resource = builder.CreateResourceBuilder(project);
            foreach (var (name, value) in BenchmarkSettings.Concat(environment ?? new Dictionary<string, string>()))
            {
                resource.WithEnvironment(name, value);
            }
        }

        BenchmarkStack? stack = null;
        if (seededUsers > 0)
        {
            // The services wait for their database to be ready, and readiness waits for this handler: they start on seeded data.
            var database = builder.Resources.OfType<IResourceWithConnectionString>().Single(r => r.Name == (topology == Topology.Monolith ? "monolith" : "matching"));
            builder.Eventing.Subscribe<ResourceReadyEvent>(database, async (_, token) =>
            {
                var connectionStrings = new Dictionary<string, string>();
                foreach (var resource in builder.Resources.OfType<IResourceWithConnectionString>())
                {
                    connectionStrings[resource.Name] = await resource.ConnectionStringExpression.GetValueAsync(token) ?? "";
                }

                connectionStrings["matching"] = connectionStrings[database.Name];
                log(string.Create(CultureInfo.InvariantCulture, $"seeding {seededUsers:N0} synthetic users into {database.Name}"));
                var seed = await MatchingSeed.RunAsync(connectionStrings, seededUsers, token);
                stack!.Seed = seed;
                log(string.Create(CultureInfo.InvariantCulture, $"seeded in {seed.Seconds:0.0} s"));
            });
        }

        var app = await builder.BuildAsync(ct);
        stack = new BenchmarkStack(app, logs, log);
        stack.CopyLogs();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(StartTimeout);
            var started = Stopwatch.StartNew();
            await app.StartAsync(timeout.Token);
            var projects = stack.Model.Resources.OfType<ProjectResource>().ToList();
            await Task.WhenAll(projects.Select(p => app.ResourceNotifications.WaitForResourceHealthyAsync(p.Name, timeout.Token)));
            stack._processes = [.. projects.Select(stack.ProcessOf)];
            stack._backing = [.. stack.Model.Resources.OfType<ExecutableResource>().Select(r => stack.PidOf(r.Name))];
            log(string.Create(CultureInfo.InvariantCulture, $"stack healthy after {started.Elapsed.TotalSeconds:0.0} s: ")
                + string.Join(", ", stack._processes.Select(p => $"{p.Name} (pid {p.Pid})")));
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }

        return stack;
    }

    public async Task<string> ConnectionStringAsync(string resource, CancellationToken ct) =>
        await App.GetConnectionStringAsync(resource, ct) ?? throw new InvalidOperationException($"{resource} has no connection string.");

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

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await App.StopAsync(CancellationToken.None);
        }
        finally
        {
            await App.DisposeAsync();
            _stopping.Dispose();
            _log("stack stopped");
        }
    }

    private DistributedApplicationModel Model => App.Services.GetRequiredService<DistributedApplicationModel>();

    private StackProcess ProcessOf(ProjectResource project)
    {
        var dash = project.Name.LastIndexOf('-');
        var (service, index) = dash > 0 && int.TryParse(project.Name[(dash + 1)..], CultureInfo.InvariantCulture, out var i)
            ? (project.Name[..dash], i)
            : (project.Name, 0);
        var assembly = Path.GetFileNameWithoutExtension(project.GetProjectMetadata().ProjectPath);
        var wrapper = PidOf(project.Name);
        return new StackProcess(project.Name, service, index, App.GetEndpoint(project.Name, "http"), wrapper > 0 ? AppProcess.Of(wrapper, assembly) : 0);
    }

    /// <summary>The process id DCP publishes in the resource's snapshot (for a project, its <c>dotnet run</c> wrapper).</summary>
    private int PidOf(string resource)
    {
        if (!App.ResourceNotifications.TryGetCurrentState(resource, out var state))
        {
            return 0;
        }

        var pid = state.Snapshot.Properties.FirstOrDefault(p => p.Name == PidProperty)?.Value;
        return pid switch
        {
            int value => value,
            long value => (int)value,
            string text when int.TryParse(text, CultureInfo.InvariantCulture, out var value) => value,
            _ => 0,
        };
    }

    private const string PidProperty = "executable.pid";

    /// <summary>Each resource's output into its file, from its first line; a DCP resource's logs go by its instance name, known once DCP has it.</summary>
    private void CopyLogs()
    {
        var loggers = App.Services.GetRequiredService<ResourceLoggerService>();
        var stopping = _stopping.Token;
        _ = Task.Run(async () =>
        {
            var watched = new HashSet<string>();
            try
            {
                await foreach (var update in App.ResourceNotifications.WatchAsync(stopping))
                {
                    if (watched.Add(update.ResourceId))
                    {
                        _ = CopyAsync(loggers, update.ResourceId, LogFileOf(update.Resource.Name), stopping);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The stack stopped.
            }
        });
    }

    private static async Task CopyAsync(ResourceLoggerService loggers, string resourceId, string file, CancellationToken stopping)
    {
        try
        {
            await foreach (var batch in loggers.WatchAsync(resourceId).WithCancellation(stopping))
            {
                await File.AppendAllLinesAsync(file, batch.Select(line => line.Content), CancellationToken.None);
            }
        }
        catch (OperationCanceledException)
        {
            // The stack stopped.
        }
    }
}
