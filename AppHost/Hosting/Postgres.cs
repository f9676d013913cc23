using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Dating.AppHost.Hosting;

/// <summary>
/// PostgreSQL from Debian's packages as a local process with its own cluster, on a fixed loopback port. initdb and
/// postgres refuse to run as root, so as root they run as the system's postgres user (setpriv execs in place, so
/// the process Aspire holds is the postmaster itself).
/// </summary>
public sealed class PostgresServerResource(string name, string dataDirectory, int port)
    : ExecutableResource(name, Environment.IsPrivilegedProcess ? "setpriv" : "/usr/bin/env", dataDirectory), IPostgresServerResource
{
    internal const string SystemUser = "postgres";

    List<PostgresDatabaseResource> IPostgresServerResource.Databases { get; } = [];

    string IPostgresServerResource.AdminConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=false;Timeout=3";

    internal string ClusterDirectory => Path.Combine(WorkingDirectory, "cluster");

    public int Port => port;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"Host=127.0.0.1;Port={Port.ToString()};Username=postgres");
}

public static class PostgresExtensions
{
    public static IResourceBuilder<PostgresServerResource> AddPostgresServer(this IDistributedApplicationBuilder builder, string name, int port, LocalData data)
    {
        var server = new PostgresServerResource(name, PostgresDataFolder(data.For(name)), port);
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, (e, ct) =>
        {
            UseFastShutdownForStop(server);
            return InitDbAsync(server, e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(server), ct);
        });
        builder.Eventing.Subscribe<ResourceReadyEvent>(server, (e, ct) => CreateDatabasesAsync(server, e.Services.GetRequiredService<ResourceNotificationService>(), ct));
        return builder.AddResource(server)
            .WithIconName("DatabaseStack")
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: "tcp", isProxied: false)
            .WithLateArgs(() =>
            {
                var postgres = Path.Combine(ServerBinaries.Required(ServerBinaries.PostgresBin(), "PostgreSQL"), "postgres");
                List<string> arguments =
                [
                    postgres, "-D", server.ClusterDirectory, "-p", port.ToString(),
                    "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", $"max_connections={(data.Throwaway ? 400 : 200)}",
                ];
                if (data.UnsafeDurability)
                {
                    arguments.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
                }

                return AsServerUser(arguments);
            })
            .WithProbe("PostgreSQL does not answer SELECT 1", ct => AnswersAsync(((IPostgresServerResource)server).AdminConnectionString("postgres"), ct))
            .ExcludeFromManifest();
    }

    internal static async Task<bool> AnswersAsync(string connectionString, CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            return await command.ExecuteScalarAsync(ct) is 1;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return false;
        }
    }

    private static async Task InitDbAsync(PostgresServerResource server, ILogger log, CancellationToken ct)
    {
        if (File.Exists(Path.Combine(server.ClusterDirectory, "PG_VERSION")))
        {
            return;
        }

        log.LogInformation("initdb {Cluster}", server.ClusterDirectory);
        Directory.CreateDirectory(server.ClusterDirectory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(server.ClusterDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (Environment.IsPrivilegedProcess)
        {
            await MustSucceedAsync(["chown", "-R", $"{PostgresServerResource.SystemUser}:{PostgresServerResource.SystemUser}", server.WorkingDirectory], log, ct);
        }

        var initDb = Path.Combine(ServerBinaries.Required(ServerBinaries.PostgresBin(), "PostgreSQL"), "initdb");
        var command = AsServerUser([initDb, "-D", server.ClusterDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"]);
        await MustSucceedAsync([Environment.IsPrivilegedProcess ? "setpriv" : "/usr/bin/env", .. command], log, ct);
    }

    /// <summary>
    /// The Stop command stops PostgreSQL with a fast shutdown (SIGINT to the postmaster: clients are disconnected,
    /// everything committed is kept). The orchestrator's own stop sends SIGTERM, which PostgreSQL takes as a smart
    /// shutdown that waits for every client to leave, and services keep pooled connections open, so it never ends.
    /// </summary>
    private static void UseFastShutdownForStop(PostgresServerResource server)
    {
        var stop = server.Annotations.OfType<ResourceCommandAnnotation>().FirstOrDefault(c => c.Name == KnownResourceCommands.StopCommand);
        if (stop is null || stop.DisplayDescription == FastShutdown)
        {
            return;
        }

        server.Annotations.Remove(stop);
        server.Annotations.Add(new ResourceCommandAnnotation(
            stop.Name, stop.DisplayName, stop.UpdateState, async context =>
            {
                var postmaster = LocalProcesses.PidFromFile(Path.Combine(server.ClusterDirectory, "postmaster.pid"))
                    ?? throw new InvalidOperationException($"{server.Name} has no postmaster.pid: it is not running.");
                ProcessSignal.Send(postmaster, "INT", $"{server.Name}'s postmaster");
                await context.Services.GetRequiredService<ResourceNotificationService>().WaitForResourceAsync(
                    server.Name, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), context.CancellationToken);
                return CommandResults.Success();
            },
            FastShutdown, stop.Arguments, stop.ConfirmationMessage, stop.IconName, stop.IconVariant, stop.IsHighlighted, stop.Visibility, stop.ValidateArguments));
    }

    private const string FastShutdown = "Stop PostgreSQL with a fast shutdown (clients are disconnected)";

    // Every database resource of the server or cluster, created once it answers (as Aspire's own AddDatabase does).
    internal static async Task CreateDatabasesAsync(IPostgresServerResource server, ResourceNotificationService notifications, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(server.AdminConnectionString("postgres"));
        await connection.OpenAsync(ct);
        foreach (var database in server.Databases)
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database.DatabaseName } } };
            if (await exists.ExecuteScalarAsync(ct) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.DatabaseName}\"", connection);
                await create.ExecuteNonQueryAsync(ct);
            }

            // Its health check decides Healthy from here on.
            await notifications.PublishUpdateAsync(database, s => s with { State = KnownResourceStates.Running });
        }
    }

    internal static string[] AsServerUser(IReadOnlyList<string> command) => Environment.IsPrivilegedProcess
        ? ["--reuid", PostgresServerResource.SystemUser, "--regid", PostgresServerResource.SystemUser, "--init-groups", "--", .. command]
        : [.. command];

    internal static async Task MustSucceedAsync(string[] command, ILogger log, CancellationToken ct)
    {
        var result = await Commands.RunAsync(command[0], command[1..], log, TimeSpan.FromMinutes(2), ct);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"'{string.Join(' ', command)}' failed: {result.Tail()}");
        }
    }

    /// <summary>
    /// As root the cluster belongs to the postgres user, which must be able to enter every parent folder. A clone
    /// under /root is not enterable, so its cluster goes to /var/tmp instead (the same folder on every run).
    /// </summary>
    internal static string PostgresDataFolder(string preferred)
    {
        if (!Environment.IsPrivilegedProcess || EveryParentEnterable(preferred))
        {
            return preferred;
        }

        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(preferred)))[..12];
        return Directory.CreateDirectory(Path.Combine("/var/tmp", $"dating-postgres-{hash}")).FullName;
    }

    private static bool EveryParentEnterable(string path)
    {
        for (var directory = new DirectoryInfo(Path.GetFullPath(path)).Parent; directory is not null; directory = directory.Parent)
        {
            if (directory.Exists && !directory.UnixFileMode.HasFlag(UnixFileMode.OtherExecute))
            {
                return false;
            }
        }

        return true;
    }
}
