namespace Dating.Deployment.Tests.Smoke;

/// <summary>
/// Lets the pods reach the test's PostgreSQL, Redis, RabbitMQ and Azurite, which listen on the host's loopback only,
/// under the host name <see cref="Host"/>, as a cluster's pods reach managed services by name. A container on the
/// pods' network (<see cref="Host"/>, which only sleeps) lends its network namespace; for each port, one socat
/// listens there (entered with nsenter) and hands each connection through a Unix socket to a second socat on the
/// host, which connects to 127.0.0.1. So no server binds anything but loopback, and only the pods' private network
/// sees the relays. Hand-written: podman's bridge networks cannot reach the host's loopback by design.
/// </summary>
internal sealed class BackingRelay : IAsyncDisposable
{
    public const string Host = "dating-backing";

    private readonly Podman _podman;
    private readonly List<IAsyncDisposable> _relays = [];

    private BackingRelay(Podman podman) => _podman = podman;

    public static async Task<BackingRelay> StartAsync(Podman podman, string network, IEnumerable<int> ports, string workFolder)
    {
        var relay = new BackingRelay(podman);
        await podman.TryAsync("rm", "--force", Host);
        await podman.RunAsync("run", "--detach", "--name", Host, "--network", network, "--read-only", LocalBaseImage.Name, "sleep", "infinity");
        var pid = await podman.RunAsync("inspect", "--format", "{{.State.Pid}}", Host);
        var sockets = Directory.CreateDirectory(Path.Combine(workFolder, "relays")).FullName;
        foreach (var port in ports.Distinct())
        {
            var socket = Path.Combine(sockets, $"{port}.sock");
            relay._relays.Add(Shell.Start("socat", [$"UNIX-LISTEN:{socket},fork,unlink-early", $"TCP:127.0.0.1:{port}"]));
            relay._relays.Add(Shell.Start("nsenter", ["--target", pid, "--net", "socat", $"TCP-LISTEN:{port},fork,reuseaddr", $"UNIX-CONNECT:{socket}"]));
        }

        return relay;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var relay in _relays)
        {
            await relay.DisposeAsync();
        }

        await _podman.TryAsync("rm", "--force", "--time", "0", Host);
    }
}
