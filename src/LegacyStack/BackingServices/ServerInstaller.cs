using System.Diagnostics;
using Dating.AppHost.Processes;

namespace Dating.AppHost.BackingServices;

/// <summary>
/// Finds the servers' binaries and installs what is missing: Debian packages with apt-get (as root or
/// with passwordless sudo) and Azurite with npm into the project's git-ignored tools folder. Installs
/// run under a cross-process lock, so parallel test assemblies never run apt-get at the same time.
/// </summary>
public static class ServerInstaller
{
    /// <summary>Pinned: the newest Azurite that supports Node 20 without warnings.</summary>
    public const string AzuriteVersion = "3.35.0";

    private static readonly string LockFile = Path.Combine(Path.GetTempPath(), "dating-backing-services-install.lock");
    private static readonly SemaphoreSlim InProcessLock = new(1, 1);

    public static string AzuriteFolder => Path.Combine(RepositoryPaths.Tools, "azurite");

    public static async Task<Binaries> EnsureInstalledAsync(Action<string> log, CancellationToken ct = default)
    {
        if (TryFind() is { } found)
        {
            return found;
        }

        await InProcessLock.WaitAsync(ct);
        try
        {
            await using var fileLock = await AcquireFileLockAsync(log, ct);
            var missingPackages = MissingDebianPackages();
            var installs = new List<Task>();
            if (missingPackages.Count > 0)
            {
                installs.Add(InstallDebianPackagesAsync(missingPackages, log, ct));
            }

            if (FindAzurite() is null)
            {
                installs.Add(InstallAzuriteAsync(log, ct));
            }

            await Task.WhenAll(installs);
        }
        finally
        {
            InProcessLock.Release();
        }

        return TryFind() ?? throw new BackingServiceException(
            "The servers are still missing after the install. " + WhatToInstall());
    }

    private static Binaries? TryFind()
    {
        var postgres = FindPostgresBin();
        var redis = CommandRunner.FindOnPath("redis-server");
        var rabbit = FindRabbitMq();
        var epmd = FindEpmd();
        var azurite = FindAzurite();
        var node = CommandRunner.FindOnPath("node");
        return postgres is null || redis is null || rabbit is null || epmd is null || azurite is null || node is null
            ? null
            : new Binaries(postgres, redis, rabbit, epmd, azurite, node);
    }

    private static List<string> MissingDebianPackages()
    {
        var missing = new List<string>();
        if (FindPostgresBin() is null)
        {
            missing.Add("postgresql");
        }

        if (CommandRunner.FindOnPath("redis-server") is null)
        {
            missing.Add("redis-server");
        }

        if (FindRabbitMq() is null || FindEpmd() is null)
        {
            missing.Add("rabbitmq-server");
        }

        return missing;
    }

    private static string? FindPostgresBin()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
            .Where(d => File.Exists(Path.Combine(d.Dir, "postgres")) && File.Exists(Path.Combine(d.Dir, "initdb")))
            .OrderByDescending(d => d.Version)
            .Select(d => d.Dir)
            .FirstOrDefault();
    }

    // Not /usr/sbin/rabbitmq-server: as root it switches to the rabbitmq user and HOME.
    private static string? FindRabbitMq()
    {
        const string script = "/usr/lib/rabbitmq/bin/rabbitmq-server";
        return File.Exists(script) ? script : null;
    }

    private static string? FindEpmd()
    {
        if (CommandRunner.FindOnPath("epmd") is { } epmd)
        {
            return epmd;
        }

        const string erlang = "/usr/lib/erlang";
        return Directory.Exists(erlang)
            ? Directory.EnumerateFiles(erlang, "epmd", SearchOption.AllDirectories).FirstOrDefault()
            : null;
    }

    private static string? FindAzurite()
    {
        var script = Path.Combine(AzuriteFolder, "node_modules", ".bin", "azurite-blob");
        return File.Exists(script) ? script : null;
    }

    private static async Task InstallDebianPackagesAsync(List<string> packages, Action<string> log, CancellationToken ct)
    {
        string[] prefix;
        if (Signals.IsRoot)
        {
            prefix = [];
        }
        else if (CommandRunner.FindOnPath("sudo") is not null
                 && (await CommandRunner.RunAsync("sudo", "-n", "true")).Succeeded)
        {
            prefix = ["sudo", "-n", "-E"];
        }
        else
        {
            throw new BackingServiceException(
                $"Missing Debian packages ({string.Join(", ", packages)}) and no root or passwordless sudo to install them. {WhatToInstall()}");
        }

        if (CommandRunner.FindOnPath("apt-get") is null)
        {
            throw new BackingServiceException($"Missing {string.Join(", ", packages)} and this is not a Debian/Ubuntu machine. {WhatToInstall()}");
        }

        var environment = new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        var watch = Stopwatch.StartNew();
        log("apt-get update");
        await RunOrThrowAsync(Command(prefix, ["apt-get", "update", "-q"], environment), TimeSpan.FromMinutes(5), ct);
        log($"apt-get install -y {string.Join(' ', packages)}");
        // Services must not start themselves after the install: we run our own instances.
        await RunOrThrowAsync(
            Command(prefix, ["apt-get", "install", "-y", "-q", "--no-install-recommends", "-o", "Dpkg::Options::=--force-confdef", .. packages], environment),
            TimeSpan.FromMinutes(10),
            ct);
        log($"installed {string.Join(", ", packages)} in {watch.Describe()}");
    }

    private static async Task InstallAzuriteAsync(Action<string> log, CancellationToken ct)
    {
        var npm = CommandRunner.FindOnPath("npm")
            ?? throw new BackingServiceException("Azurite needs Node.js 20 or newer with npm: install Node.js (for example `apt-get install nodejs npm`).");
        Directory.CreateDirectory(AzuriteFolder);
        var watch = Stopwatch.StartNew();
        log($"npm install azurite@{AzuriteVersion} into {AzuriteFolder}");
        await RunOrThrowAsync(
            new ProcessSpec(npm, ["install", "--prefix", AzuriteFolder, "--no-audit", "--no-fund", "--loglevel=error", $"azurite@{AzuriteVersion}"]),
            TimeSpan.FromMinutes(8),
            ct);
        log($"installed Azurite in {watch.Describe()}");
    }

    private static ProcessSpec Command(string[] prefix, string[] command, Dictionary<string, string?> environment)
    {
        string[] all = [.. prefix, .. command];
        return new ProcessSpec(all[0], all[1..]) { Environment = environment };
    }

    private static async Task RunOrThrowAsync(ProcessSpec spec, TimeSpan timeout, CancellationToken ct)
    {
        var result = await CommandRunner.RunAsync(spec, timeout, ct);
        if (!result.Succeeded)
        {
            var tail = string.Join('\n', result.Output.Split('\n').TakeLast(15));
            throw new BackingServiceException($"'{spec}' failed with exit code {result.ExitCode}:\n{tail}\n{WhatToInstall()}");
        }
    }

    private static async Task<FileStream> AcquireFileLockAsync(Action<string> log, CancellationToken ct)
    {
        var announced = false;
        while (true)
        {
            try
            {
                return new FileStream(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                if (!announced)
                {
                    log($"waiting for another process that is installing servers ({LockFile})");
                    announced = true;
                }

                await Task.Delay(500, ct);
            }
        }
    }

    private static string WhatToInstall() =>
        "Install by hand: PostgreSQL 15+ (Debian package `postgresql`), `redis-server`, `rabbitmq-server`, "
        + $"and Node.js 20+ with npm (then `npm install --prefix {AzuriteFolder} azurite@{AzuriteVersion}`).";
}
