using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dating.AppHost.Hosting;

/// <summary>
/// The step that puts the servers' programs on the machine: Debian's packages with apt-get (as root or with
/// passwordless sudo) and Azurite with npm into the repository's git-ignored tools folder. It shows in the
/// dashboard with its log, and the servers wait for it to finish. Installs run under the machine-wide install lock
/// (<see cref="MachineInstalls"/>), so parallel test runs never run apt-get at the same time. Nothing here starts a server.
/// </summary>
public sealed class ServerInstallationResource(string name, bool withRabbitMq, bool highAvailability, string repositoryRoot) : Resource(name)
{
    internal bool WithRabbitMq { get; } = withRabbitMq;

    /// <summary><c>--ha</c>: Redis Sentinel, and Patroni with etcd for PostgreSQL.</summary>
    internal bool HighAvailability { get; } = highAvailability;

    internal string RepositoryRoot { get; } = repositoryRoot;

    /// <summary>The install failed and the app host is stopping because of it.</summary>
    internal bool Failed { get; set; }
}

public static class ServerInstallationExtensions
{
    public static IResourceBuilder<ServerInstallationResource> AddServerInstallation(
        this IDistributedApplicationBuilder builder, string name, bool withRabbitMq, bool highAvailability, string repositoryRoot)
    {
        var resource = new ServerInstallationResource(name, withRabbitMq, highAvailability, repositoryRoot);
        // A failed install stops the app host while the orchestrator is still starting (its start waits for the servers),
        // and the generic host would print that cancelled start with a stack trace under the one line that names the cause.
        builder.Services.AddLogging(logging => logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", level => level >= LogLevel.Information && (!resource.Failed || level == LogLevel.Critical)));
        builder.Eventing.Subscribe<InitializeResourceEvent>(resource, (e, ct) =>
        {
            // The install runs beside the rest of the start; the servers WaitForCompletion on it.
            _ = Task.Run(() => RunAsync(resource, e, e.Services.GetRequiredService<IHostApplicationLifetime>()));
            return Task.CompletedTask;
        });
        return builder.AddResource(resource)
            .WithIconName("ArrowDownload")
            .WithInitialState(new CustomResourceSnapshot { ResourceType = "Install", State = KnownResourceStates.NotStarted, Properties = [] })
            .ExcludeFromManifest();
    }

    private static async Task RunAsync(ServerInstallationResource resource, InitializeResourceEvent e, IHostApplicationLifetime lifetime)
    {
        var ct = lifetime.ApplicationStopping;
        await e.Notifications.PublishUpdateAsync(resource, s => s with { State = new("Installing", KnownResourceStateStyles.Info), StartTimeStamp = DateTime.UtcNow });
        try
        {
            var watch = Stopwatch.StartNew();
            var missing = await EnsureInstalledAsync(resource, e.Logger, ct);
            e.Logger.LogInformation(missing.Count == 0 ? "every server is installed" : $"installed {string.Join(", ", missing)} in {watch.Elapsed.TotalSeconds:0} s");
            await e.Notifications.PublishUpdateAsync(resource, s => s with { State = KnownResourceStates.Finished, ExitCode = 0, StopTimeStamp = DateTime.UtcNow });
        }
        catch (Exception failure) when (failure is InstallationException or TimeoutException)
        {
            // One line that names the cause, in the dashboard and on the console; then the stack stops, since nothing can run.
            e.Logger.LogError("{Failure}", failure.Message);
            e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Dating.AppHost").LogCritical("Cannot install the servers: {Failure}", failure.Message.Split('\n')[0]);
            await e.Notifications.PublishUpdateAsync(resource, s => s with { State = KnownResourceStates.FailedToStart, ExitCode = 1, StopTimeStamp = DateTime.UtcNow });
            Environment.ExitCode = 1;
            resource.Failed = true;
            lifetime.StopApplication();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The stack is stopping.
        }
    }

    /// <summary>Installs what is missing; returns what it installed.</summary>
    private static async Task<List<string>> EnsureInstalledAsync(ServerInstallationResource resource, ILogger log, CancellationToken ct)
    {
        if (Missing(resource).Count == 0)
        {
            return [];
        }

        await using (await MachineInstalls.LockAsync(log, ct))
        {
            var missing = Missing(resource);
            var packages = missing.Where(m => m != "azurite").ToList();
            var installs = new List<Task>();
            if (packages.Count > 0)
            {
                installs.Add(MachineInstalls.InstallDebianPackagesAsync(packages, log, ct));
            }

            if (missing.Contains("azurite"))
            {
                installs.Add(InstallAzuriteAsync(resource.RepositoryRoot, log, ct));
            }

            await Task.WhenAll(installs);
            var still = Missing(resource);
            return still.Count == 0 ? missing : throw new InstallationException($"{string.Join(", ", still)} still missing after the install. {WhatToInstall(resource)}");
        }
    }

    private static List<string> Missing(ServerInstallationResource resource)
    {
        var missing = new List<string>();
        if (ServerBinaries.PostgresBin() is null)
        {
            missing.Add("postgresql");
        }

        if (ServerBinaries.RedisServer() is null)
        {
            missing.Add("redis-server");
        }

        if (resource.HighAvailability)
        {
            missing.AddRange(HighAvailabilityPackages().Where(package => !package.Installed).Select(package => package.Name));
        }

        if (resource.WithRabbitMq && (ServerBinaries.RabbitMqServer() is null || ServerBinaries.Epmd() is null))
        {
            missing.Add("rabbitmq-server");
        }

        if (ServerBinaries.AzuriteBlob(resource.RepositoryRoot) is null || ServerBinaries.Node() is null)
        {
            missing.Add("azurite");
        }

        return missing;
    }

    // Each a Debian package's name, as apt-get takes it.
    private static IEnumerable<(string Name, bool Installed)> HighAvailabilityPackages() =>
    [
        ("redis-sentinel", ServerBinaries.RedisSentinel() is not null),
        ("patroni", ServerBinaries.Patroni() is not null),
        ("python3-psycopg2", ServerBinaries.HasPsycopg2()),
        ("etcd-server", ServerBinaries.Etcd() is not null),
        ("etcd-client", ServerBinaries.Etcdctl() is not null),
    ];

    private static async Task InstallAzuriteAsync(string repositoryRoot, ILogger log, CancellationToken ct)
    {
        var npm = Commands.OnPath("npm")
            ?? throw new InstallationException("Azurite needs Node.js 20 or newer with npm: install Node.js (for example `apt-get install nodejs npm`).");
        var folder = ServerBinaries.AzuriteFolder(repositoryRoot);
        Directory.CreateDirectory(folder);
        log.LogInformation("npm install azurite@{Version} into {Folder}", ServerBinaries.AzuriteVersion, folder);
        await MachineInstalls.MustSucceedAsync(
            [npm, "install", "--prefix", folder, "--no-audit", "--no-fund", "--loglevel=error", $"azurite@{ServerBinaries.AzuriteVersion}"],
            log, TimeSpan.FromMinutes(8), ct);
    }

    private static string WhatToInstall(ServerInstallationResource resource) =>
        "Install by hand: PostgreSQL 15+ (Debian package postgresql), redis-server" + (resource.HighAvailability ? ", " + string.Join(", ", HighAvailabilityPackages().Select(package => package.Name)) : "") + (resource.WithRabbitMq ? ", rabbitmq-server" : "")
        + $", and Node.js 20+ with npm (then `npm install --prefix {ServerBinaries.AzuriteFolder(resource.RepositoryRoot)} azurite@{ServerBinaries.AzuriteVersion}`).";
}
