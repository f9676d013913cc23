using Dating.AppHost.Processes;

namespace Dating.AppHost.BackingServices;

/// <summary>
/// PostgreSQL on 127.0.0.1 with its own cluster. initdb and postgres refuse to run as root, so as root
/// they run as the system's postgres user (setpriv execs in place, so the pid we hold is the postmaster).
/// </summary>
public sealed class PostgresServer(BackingServicesOptions options, Binaries binaries) : BackingServer("postgres", options)
{
    private const string SystemUser = "postgres";

    public override int Port => Options.Ports.Postgres;

    // SIGINT is PostgreSQL's fast shutdown: it does not wait for clients to disconnect.
    protected override int StopSignal => Signals.SigInt;

    private string ClusterDirectory => Path.Combine(ResolvedDataDirectory, "cluster");

    private string ResolvedDataDirectory => PostgresDataLocation.Resolve(DataDirectory, Options.Log);

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database}";

    /// <summary>Creates the database if it does not exist yet.</summary>
    public async Task CreateDatabasesAsync(IEnumerable<string> databases, CancellationToken ct = default)
    {
        var script = string.Join('\n', databases.Select(d =>
            $"SELECT 'CREATE DATABASE \"{d}\"' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '{d}')\\gexec"));
        if (script.Length == 0)
        {
            return;
        }

        var file = Path.Combine(Path.GetTempPath(), $"dating-create-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(file, script + "\n", ct);
        try
        {
            var result = await Psql(["-v", "ON_ERROR_STOP=1", "-f", file], ct);
            if (!result.Succeeded)
            {
                throw new BackingServiceException($"postgres: creating databases failed: {result.Output}");
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    protected override async Task PrepareAsync(CancellationToken ct)
    {
        if (File.Exists(Path.Combine(ClusterDirectory, "PG_VERSION")))
        {
            return;
        }

        Options.Log($"postgres: initdb {ClusterDirectory}");
        Directory.CreateDirectory(ClusterDirectory);
        if (Signals.IsRoot)
        {
            await MustSucceed(new ProcessSpec("chown", ["-R", $"{SystemUser}:{SystemUser}", ResolvedDataDirectory]), ct);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(ClusterDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        await MustSucceed(AsServerUser(binaries.InitDb,
            ["-D", ClusterDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"]), ct);
    }

    protected override ProcessSpec CreateProcessSpec()
    {
        List<string> arguments =
        [
            "-D", ClusterDirectory,
            "-p", Port.ToString(),
            "-c", "listen_addresses=127.0.0.1",
            "-c", "unix_socket_directories=",
            "-c", $"max_connections={(Options.Ephemeral ? 400 : 200)}",
        ];
        if (Options.Ephemeral)
        {
            // Throwaway test data: durability buys nothing, speed does.
            arguments.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }

        return AsServerUser(binaries.Postgres, arguments);
    }

    protected override async Task<bool> IsReadyAsync(CancellationToken ct) =>
        (await Psql(["-Atc", "SELECT 1"], ct)).Output.Trim() == "1";

    protected override Task AfterStartAsync(CancellationToken ct) => CreateDatabasesAsync(Options.Databases, ct);

    private Task<CommandRunner.Result> Psql(IEnumerable<string> arguments, CancellationToken ct) =>
        CommandRunner.RunAsync(
            new ProcessSpec(binaries.Psql, ["-h", "127.0.0.1", "-p", Port.ToString(), "-U", "postgres", "-d", "postgres", "-q", .. arguments])
            {
                Environment = new Dictionary<string, string?> { ["PGCONNECT_TIMEOUT"] = "2" },
            },
            TimeSpan.FromSeconds(30),
            ct);

    private static ProcessSpec AsServerUser(string program, IReadOnlyList<string> arguments) => Signals.IsRoot
        ? new ProcessSpec("setpriv", ["--reuid", SystemUser, "--regid", SystemUser, "--init-groups", "--", program, .. arguments])
        : new ProcessSpec(program, arguments);

    private static async Task MustSucceed(ProcessSpec spec, CancellationToken ct)
    {
        var result = await CommandRunner.RunAsync(spec, TimeSpan.FromMinutes(2), ct);
        if (!result.Succeeded)
        {
            throw new BackingServiceException($"postgres: '{spec}' failed:\n{result.Output}");
        }
    }
}
