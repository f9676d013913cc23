using Dating.AppHost.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dating.Deployment.Tests.Smoke;

/// <summary>
/// Debian's podman, set up for these machines (CONTAINERS.md): runc instead of crun, which cannot set its limits
/// here, through a containers.conf of the test's own (CONTAINERS_CONF), so nothing in /etc changes. Installed with
/// everything else the smoke test runs, under the app host's machine-wide install lock.
/// </summary>
internal sealed class Podman
{
    // Program → Debian package. podman needs runc, catatonit (its pause process), netavark, aardvark-dns (names on the
    // network) and iptables (netavark's bridge); the rest is the base image, the registry and the relays.
    private static readonly (string Program, string Package)[] Tools =
    [
        ("/usr/bin/podman", "podman"), ("/usr/sbin/runc", "runc"), ("/usr/bin/catatonit", "catatonit"),
        ("/usr/lib/podman/netavark", "netavark"), ("/usr/lib/podman/aardvark-dns", "aardvark-dns"), ("/usr/sbin/iptables", "iptables"),
        ("/usr/sbin/debootstrap", "debootstrap"), ("/usr/bin/docker-registry", "docker-registry"), ("/usr/bin/socat", "socat"),
    ];

    private readonly Dictionary<string, string?> _environment;

    private Podman(string configuration) => _environment = new() { ["CONTAINERS_CONF"] = configuration };

    /// <summary>Installs what is missing, then writes the containers.conf into <paramref name="workFolder"/>.</summary>
    public static async Task<Podman> EnsureAsync(string workFolder, CancellationToken ct)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The podman smoke test runs on Debian or Ubuntu.");
        }

        var missing = Tools.Where(t => !File.Exists(t.Program)).Select(t => t.Package).ToList();
        if (missing.Count > 0)
        {
            await using (await MachineInstalls.LockAsync(NullLogger.Instance, ct))
            {
                await MachineInstalls.InstallDebianPackagesAsync(missing, NullLogger.Instance, ct);
            }
        }

        var configuration = Path.Combine(workFolder, "containers.conf");
        await File.WriteAllTextAsync(configuration, """
            [engine]
            runtime = "runc"

            [containers]
            default_ulimits = ["nofile=20000:20000", "nproc=4096:4096"]
            """, ct);
        return new Podman(configuration);
    }

    public IReadOnlyDictionary<string, string?> Environment => _environment;

    /// <summary>podman with <paramref name="arguments"/>; its standard output, trimmed.</summary>
    public async Task<string> RunAsync(params string[] arguments) => (await RunAsync(TimeSpan.FromMinutes(5), arguments)).Trim();

    public Task<string> RunAsync(TimeSpan timeout, params string[] arguments) => Shell.RunAsync("podman", arguments, timeout, _environment);

    /// <summary>The same, for clean-up: a failure is ignored (the thing may never have been made).</summary>
    public async Task TryAsync(params string[] arguments)
    {
        try
        {
            await RunAsync(TimeSpan.FromMinutes(2), arguments);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // Nothing to remove.
        }
    }

    public Task<bool> ImageExistsAsync(string image) => SucceedsAsync("image", "exists", image);

    /// <summary>Whether podman with <paramref name="arguments"/> exits with 0 (its <c>exists</c> commands answer so).</summary>
    public async Task<bool> SucceedsAsync(params string[] arguments)
    {
        try
        {
            await RunAsync(arguments);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The address of container <paramref name="container"/> on <paramref name="network"/>.</summary>
    public Task<string> AddressOfAsync(string container, string network) =>
        RunAsync("inspect", "--format", $"{{{{(index .NetworkSettings.Networks \"{network}\").IPAddress}}}}", container);
}
