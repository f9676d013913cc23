namespace Dating.AppHost.Hosting;

/// <summary>Where the servers' programs are once installed: Debian's packages, and Azurite in the repository's tools folder.</summary>
internal static class ServerBinaries
{
    /// <summary>Pinned: the newest Azurite that runs on Node 20 without warnings.</summary>
    public const string AzuriteVersion = "3.35.0";

    public static string AzuriteFolder(string repositoryRoot) => Path.Combine(MachineInstalls.ToolsFolder(repositoryRoot), "azurite");

    public static string? PostgresBin()
    {
        const string root = "/usr/lib/postgresql";
        return !Directory.Exists(root)
            ? null
            : Directory.GetDirectories(root)
                .Select(d => (Bin: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => File.Exists(Path.Combine(d.Bin, "postgres")) && File.Exists(Path.Combine(d.Bin, "initdb")))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Bin)
                .FirstOrDefault();
    }

    public static string? RedisServer() => Commands.OnPath("redis-server");

    public static string? RedisSentinel() => Commands.OnPath("redis-sentinel");

    /// <summary>Debian's Python, which has Debian's Patroni and psycopg2 (the python first on PATH may be another one, pyenv's).</summary>
    public const string DebianPython = "/usr/bin/python3";

    public static string? Patroni() => File.Exists("/usr/bin/patroni") && File.Exists(DebianPython) ? "/usr/bin/patroni" : null;

    /// <summary>psycopg2 for Debian's Python: Patroni's PostgreSQL driver.</summary>
    public static bool HasPsycopg2() => Directory.Exists("/usr/lib/python3/dist-packages/psycopg2");

    public static string? Etcd() => File.Exists("/usr/bin/etcd") ? "/usr/bin/etcd" : null;

    public static string? Etcdctl() => Commands.OnPath("etcdctl");

    // Not /usr/sbin/rabbitmq-server: as root it switches to the rabbitmq user and HOME, and the cookie no longer matches.
    public static string? RabbitMqServer() => File.Exists("/usr/lib/rabbitmq/bin/rabbitmq-server") ? "/usr/lib/rabbitmq/bin/rabbitmq-server" : null;

    public static string? Epmd()
    {
        if (Commands.OnPath("epmd") is { } epmd)
        {
            return epmd;
        }

        const string erlang = "/usr/lib/erlang";
        return Directory.Exists(erlang) ? Directory.EnumerateFiles(erlang, "epmd", SearchOption.AllDirectories).FirstOrDefault() : null;
    }

    public static string? Node() => Commands.OnPath("node");

    public static string? AzuriteBlob(string repositoryRoot)
    {
        var script = Path.Combine(AzuriteFolder(repositoryRoot), "node_modules", ".bin", "azurite-blob");
        return File.Exists(script) ? script : null;
    }

    public static string Required(string? path, string what) =>
        path ?? throw new InvalidOperationException($"{what} is not installed (the install step should have put it there).");
}
