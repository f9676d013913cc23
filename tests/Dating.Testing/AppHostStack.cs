using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dating.Testing;

/// <summary>
/// The real app host (AppHost/Program.cs), started through Aspire.Hosting.Testing with <c>--isolated</c>: free ports
/// and throwaway data, so it runs beside a dev stack and beside other test assemblies. Every resource's console
/// output goes to a file per resource (the folder is in the fixture log).
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

    /// <summary>One file per resource with its console output.</summary>
    public string Logs { get; }

    /// <summary>Where clients reach the public API: the gateway, or a lone monolith (none with <c>--backing-only</c>).</summary>
    public Uri PublicUrl => UrlOf(PublicResource);

    private DistributedApplicationModel Model => App.Services.GetRequiredService<DistributedApplicationModel>();

    /// <param name="arguments">The app host's command line, for example <c>--topology monolith</c>; <c>--isolated</c> is added.</param>
    /// <param name="environment">Extra settings for every service process.</param>
    public static async Task<AppHostStack> StartAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, CancellationToken ct = default)
    {
        string[] args = ["--isolated", .. arguments];
        var logs = Path.Combine(Path.GetTempPath(), "dating-tests", "stacks", $"{DateTime.UtcNow:HHmmss}-{Guid.NewGuid():N}"[..15]);
        Directory.CreateDirectory(logs);
        TestLog.Write($"app host {string.Join(' ', args)}: logs in {logs}");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Dating_AppHost>(args, ct);
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            var resource = builder.CreateResourceBuilder(project);
            foreach (var (name, value) in TestSettings.Concat(environment ?? new Dictionary<string, string>()))
            {
                resource.WithEnvironment(name, value);
            }
        }

        var app = await builder.BuildAsync(ct);
        var stack = new AppHostStack(app, logs);
        stack.CopyLogs();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(8));
            await app.StartAsync(timeout.Token);
            await Task.WhenAll(stack.ReadyWhenHealthy.Select(resource => stack.WaitHealthyAsync(resource, timeout.Token)));
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }

        return stack;
    }

    /// <summary>The address a resource's <c>http</c> endpoint listens on.</summary>
    public Uri UrlOf(string resource) => App.GetEndpoint(resource, "http");

    public async Task<string> ConnectionStringAsync(string resource, CancellationToken ct = default) =>
        await App.GetConnectionStringAsync(resource, ct) ?? throw new InvalidOperationException($"{resource} has no connection string.");

    public Task WaitHealthyAsync(string resource, CancellationToken ct = default) =>
        App.ResourceNotifications.WaitForResourceHealthyAsync(resource, ct);

    /// <summary>The dashboard's Stop command, then waits until the resource has stopped.</summary>
    public async Task StopResourceAsync(string resource, CancellationToken ct = default)
    {
        var result = await App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand, ct);
        // The orchestrator answers "failed to stop" when a service takes longer to shut down than it waits (seen on a loaded
        // CI machine); the stop goes on, so the test waits for the state rather than for that answer.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await App.ResourceNotifications.WaitForResourceAsync(resource, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"{resource} did not stop within 2 minutes (the stop command said: {(result.Success ? "stopped" : result.Message)}).");
        }

        if (!result.Success)
        {
            TestLog.Write($"stop of {resource} reported '{result.Message}', but it stopped");
        }
    }

    /// <summary>The dashboard's Start command (also for a spare replica), then waits until the resource is healthy.</summary>
    public async Task StartResourceAsync(string resource, CancellationToken ct = default)
    {
        await ExecuteAsync(resource, KnownResourceCommands.StartCommand, ct);
        await WaitHealthyAsync(resource, ct);
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

    private string PublicResource => Model.Resources.Any(r => r.Name == "gateway") ? "gateway" : "monolith-0";

    // The public API once it answers; with --backing-only, where there is none, every server with a health check.
    private IEnumerable<string> ReadyWhenHealthy => Model.Resources.Any(r => r.Name is "gateway" or "monolith-0")
        ? [PublicResource]
        : Model.Resources.Where(r => r.Annotations.OfType<HealthCheckAnnotation>().Any()).Select(r => r.Name);

    private async Task ExecuteAsync(string resource, string command, CancellationToken ct)
    {
        var result = await App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, command, ct);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{command} on {resource} failed: {result.Message}");
        }
    }

    private void CopyLogs()
    {
        var states = Path.Combine(Logs, "states.log");
        _ = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in App.ResourceNotifications.WatchAsync(_stopping.Token))
                {
                    await File.AppendAllTextAsync(
                        states, $"{DateTime.UtcNow:HH:mm:ss.fff} {e.Resource.Name}: {e.Snapshot.State?.Text} {e.Snapshot.HealthStatus}\n", CancellationToken.None);
                }
            }
            catch (OperationCanceledException)
            {
                // The stack stopped.
            }
        });
        var loggers = App.Services.GetRequiredService<ResourceLoggerService>();
        foreach (var resource in Model.Resources)
        {
            var file = Path.Combine(Logs, $"{resource.Name}.log");
            _ = Task.Run(async () =>
            {
                try
                {
                    await foreach (var batch in loggers.WatchAsync(resource.Name).WithCancellation(_stopping.Token))
                    {
                        await File.AppendAllLinesAsync(file, batch.Select(line => line.Content), CancellationToken.None);
                    }
                }
                catch (OperationCanceledException)
                {
                    // The stack stopped.
                }
            });
        }
    }

    // Quiet services, and a gateway that notices started and stopped replicas within a second; tests wait for it.
    private static readonly Dictionary<string, string> TestSettings = new()
    {
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        ["Gateway__HealthCheckInterval"] = "00:00:01",
        ["Gateway__RateLimiting__Enabled"] = "false",
    };
}
