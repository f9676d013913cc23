using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dating.Stacks;

/// <summary>
/// The stack users run, the real app host (AppHost/Program.cs), started from code through Aspire.Hosting.Testing with
/// <c>--isolated</c>: free ports and throwaway data, so it runs beside a dev stack and beside other stacks. The test
/// suite and the benchmark tool start every stack through this class. Each resource's console output goes to a file
/// per resource, and every state change to <c>states.log</c>, in <see cref="Logs"/>.
/// </summary>
public sealed class AppHostStack : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    private AppHostStack(DistributedApplication app, string logs)
    {
        App = app;
        Logs = logs;
    }

    public DistributedApplication App { get; }

    public DistributedApplicationModel Model => App.Services.GetRequiredService<DistributedApplicationModel>();

    /// <summary>One file per resource with its console output, and <c>states.log</c>.</summary>
    public string Logs { get; }

    /// <summary>Where clients reach the public API: the gateway, or a lone monolith (none with <c>--backing-only</c>).</summary>
    public Uri PublicUrl => UrlOf(Model.Resources.Any(r => r.Name == "gateway") ? "gateway" : "monolith-0");

    /// <summary>
    /// Starts the app host with <paramref name="start"/>'s command line (<c>--isolated</c> added) and returns once every
    /// resource with a health check is healthy, except spares that only the dashboard's Start runs.
    /// </summary>
    public static async Task<AppHostStack> StartAsync(StackStart start, CancellationToken ct = default)
    {
        string[] args = ["--isolated", .. start.Arguments];
        var logs = Path.Combine(start.LogRoot, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}"[..24]);
        Directory.CreateDirectory(logs);
        start.Log($"app host {string.Join(' ', args)}: logs in {logs}");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Dating_AppHost>(args, ct);
        ConfigureProjects(builder, start);

        // A start that fails or is cancelled throws to the caller; the generic host's own stack trace of it is noise.
        builder.Services.AddLogging(logging => logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical));
        start.Configure?.Invoke(builder);
        var app = await builder.BuildAsync(ct);
        var stack = new AppHostStack(app, logs);
        stack.CopyLogs();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(start.Timeout);
            var started = Stopwatch.StartNew();
            await app.StartAsync(timeout.Token);
            var checkedResources = stack.Model.Resources
                .Where(r => r.Annotations.OfType<HealthCheckAnnotation>().Any() && !r.Annotations.OfType<ExplicitStartupAnnotation>().Any());
            await Task.WhenAll(checkedResources.Select(r => stack.WaitHealthyAsync(r.Name, timeout.Token)));
            start.Log(string.Create(CultureInfo.InvariantCulture, $"stack healthy after {started.Elapsed.TotalSeconds:0.0} s"));
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }

        return stack;
    }

    /// <summary>
    /// What a stack started from code changes in the app host's projects, before it is built: no telemetry exporter,
    /// <see cref="StackStart.Environment"/>, and the checkout they run from (<see cref="StackStart.ProjectsRoot"/>).
    /// </summary>
    public static void ConfigureProjects(IDistributedApplicationBuilder builder, StackStart start)
    {
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            // A stack started from code has no dashboard, so nothing receives telemetry: no exporter, rather than one
            // that retries into a closed port on every batch and at every shutdown.
            builder.CreateResourceBuilder(project).WithEnvironment(context => context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT"));
        }

        ApplyEnvironment(builder, start.Environment);
        if (start.ProjectsRoot is { } root)
        {
            RunProjectsFrom(builder, root);
            start.Log($"every project runs from {root}, built there");
        }
    }

    /// <summary>
    /// <see cref="StackStart.Environment"/> onto the app host's projects: a plain name to every one, <c>process/NAME</c> to
    /// the replicas of that process (the resource named so, or so with a replica index: <c>matching-0</c>). A setting given
    /// to the process by name wins over the same setting given to all, whatever the order.
    /// </summary>
    public static void ApplyEnvironment(IDistributedApplicationBuilder builder, IReadOnlyDictionary<string, string> environment)
    {
        var projects = builder.Resources.OfType<ProjectResource>().ToList();
        foreach (var (key, value) in environment.OrderBy(setting => setting.Key.Contains('/', StringComparison.Ordinal)))
        {
            var slash = key.IndexOf('/', StringComparison.Ordinal);
            var process = slash < 0 ? null : key[..slash];
            foreach (var project in projects.Where(project => process is null || IsReplicaOf(project.Name, process)))
            {
                builder.CreateResourceBuilder(project).WithEnvironment(key[(slash + 1)..], value);
            }
        }
    }

    /// <summary>
    /// Every project resource runs the app built at its path relative to this checkout under <paramref name="root"/>,
    /// another checkout already built (<see cref="StackStart.ProjectsRoot"/>): the app host starts each project's built
    /// app directly (its <see cref="ExecutableAnnotation"/>, AppHost/Hosting/BuiltProjects.cs), so this one starts the
    /// other checkout's, from that project's folder. The model's <see cref="IProjectMetadata"/> stays this checkout's
    /// (Aspire refuses a replaced one once AddProject applied its defaults).
    /// </summary>
    private static void RunProjectsFrom(IDistributedApplicationBuilder builder, string root)
    {
        // The app host's own idea of the repository root (its Program.cs: the folder above it).
        var checkout = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        string Under(string path) => Path.GetFullPath(Path.Combine(root, Path.GetRelativePath(checkout, path)));
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            var metadata = project.Annotations.OfType<IProjectMetadata>().Single();
            var built = project.Annotations.OfType<ExecutableAnnotation>().LastOrDefault()
                ?? throw new InvalidOperationException($"{project.Name} runs through dotnet run (an IDE's debug session?), not as a built app another checkout could replace.");
            var command = Under(built.Command);
            if (!File.Exists(command))
            {
                throw new FileNotFoundException($"{project.Name} runs {built.Command}, which {root} has not built.", command);
            }

            project.Annotations.Remove(built);
            project.Annotations.Add(new ExecutableAnnotation { Command = command, WorkingDirectory = Path.GetDirectoryName(Under(metadata.ProjectPath))! });
        }
    }

    // chat-1 is a replica of chat; chat-history would not be.
    private static bool IsReplicaOf(string resource, string process) =>
        resource == process
        || resource.Length > process.Length + 1 && resource.StartsWith(process + "-", StringComparison.Ordinal)
            && resource[(process.Length + 1)..].All(char.IsAsciiDigit);

    /// <summary>The address a resource's endpoint listens on (its <c>http</c> one unless named).</summary>
    public Uri UrlOf(string resource, string endpoint = "http") => App.GetEndpoint(resource, endpoint);

    public string LogFileOf(string resource) => Path.Combine(Logs, $"{resource}.log");

    public async Task<string> ConnectionStringAsync(string resource, CancellationToken ct = default) =>
        await App.GetConnectionStringAsync(resource, ct) ?? throw new InvalidOperationException($"{resource} has no connection string.");

    public Task WaitHealthyAsync(string resource, CancellationToken ct = default) =>
        App.ResourceNotifications.WaitForResourceHealthyAsync(resource, ct);

    /// <summary>The process id DCP publishes in the resource's snapshot (for a project, the app itself), 0 if none.</summary>
    public int PidOf(string resource)
    {
        if (!App.ResourceNotifications.TryGetCurrentState(resource, out var state))
        {
            return 0;
        }

        return state.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value switch
        {
            int value => value,
            long value => (int)value,
            string text when int.TryParse(text, CultureInfo.InvariantCulture, out var value) => value,
            _ => 0,
        };
    }

    /// <summary>The dashboard's Stop command, then waits until the resource has stopped.</summary>
    public async Task StopResourceAsync(string resource, CancellationToken ct = default)
    {
        await ExecuteAsync(resource, KnownResourceCommands.StopCommand, ct);
        await WithinAsync(DefaultCommandWait, $"{resource} did not stop", token => App.ResourceNotifications.WaitForResourceAsync(
            resource, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), token), ct);
    }

    /// <summary>The dashboard's Start command (also for a spare replica), then waits until the resource is healthy.</summary>
    /// <remarks>
    /// The command returns before DCP reports the new run, so the snapshot may still show the last run's terminal
    /// state (Exited after a kill -9, Finished after a stop). Aspire's default wait gives up on a terminal state, so
    /// this one waits through it, bounded in time instead.
    /// </remarks>
    /// <param name="within">How long it may take to be healthy (2 minutes unless given: a server restarted under load boots slower).</param>
    public async Task StartResourceAsync(string resource, CancellationToken ct = default, TimeSpan? within = null)
    {
        await ExecuteAsync(resource, KnownResourceCommands.StartCommand, ct);
        await WithinAsync(within ?? DefaultCommandWait, $"{resource} was not healthy after its start", token =>
            App.ResourceNotifications.WaitForResourceHealthyAsync(resource, WaitBehavior.WaitOnResourceUnavailable, token), ct);
    }

    private static readonly TimeSpan DefaultCommandWait = TimeSpan.FromMinutes(2);

    // A wait of the dashboard's commands, bounded: past its limit it fails with what did not happen and where to look.
    private async Task WithinAsync(TimeSpan limit, string failure, Func<CancellationToken, Task> wait, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(limit);
        try
        {
            await wait(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"{failure} within {limit.TotalMinutes:0.#} minutes (see states.log in {Logs}).");
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
        }
    }

    private async Task ExecuteAsync(string resource, string command, CancellationToken ct)
    {
        var result = await App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, command, ct);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{command} on {resource} failed: {result.Message}");
        }
    }

    /// <summary>Every state change into states.log; each resource's output into its file from its first line (by its DCP instance id, known once DCP has it).</summary>
    private void CopyLogs()
    {
        var loggers = App.Services.GetRequiredService<ResourceLoggerService>();
        var stopping = _stopping.Token;
        _ = Task.Run(async () =>
        {
            var watched = new HashSet<string>();
            await using var states = new StreamWriter(Path.Combine(Logs, "states.log"), append: true) { AutoFlush = true };
            try
            {
                await foreach (var e in App.ResourceNotifications.WatchAsync(stopping))
                {
                    await states.WriteLineAsync($"{DateTime.UtcNow:HH:mm:ss.fff} {e.Resource.Name}: {e.Snapshot.State?.Text} {e.Snapshot.HealthStatus}");
                    if (watched.Add(e.ResourceId))
                    {
                        _ = CopyAsync(loggers, e.ResourceId, LogFileOf(e.Resource.Name), stopping);
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
