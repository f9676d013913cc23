using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Dating.AppHost.Options;

/// <summary>
/// Every server of the stack binds its own fixed loopback port (no proxy between callers and servers): the dev
/// stack's well-known ports, or, isolated, free ones so tests run beside a dev stack and beside each other.
/// </summary>
public sealed class LocalPorts(bool free)
{
    private readonly Dictionary<int, string> _taken = [];

    /// <summary>The port <paramref name="owner"/> listens on: <paramref name="development"/>, or a free one.</summary>
    public int Take(string owner, int development)
    {
        var port = free ? FreePort() : development;
        _taken[port] = owner;
        return port;
    }

    /// <summary>A fixed port that another process holds stops the start with one line naming it.</summary>
    public void EnsureFree()
    {
        foreach (var (port, owner) in _taken.OrderBy(p => p.Key))
        {
            if (IsInUse(port))
            {
                throw new StackConfigurationException(
                    $"Port {port} ({owner}) is in use{Holder(port)}: stop that process, or the stack that runs it, and start again.");
            }
        }
    }

    /// <summary>
    /// A free port below the kernel's ephemeral range: a port from that range can be handed to an outgoing
    /// connection between our check and the server's own bind (seen in CI as EADDRINUSE). Free now is not enough
    /// either: a server binds its port seconds after the check (RabbitMQ about 15 s), and an isolated stack in another
    /// process (test assemblies run side by side) may check the same port meanwhile, or have just let it go (seen in
    /// CI: RabbitMQ could not bind a port a stopped stack's PostgreSQL had held). So a port is also reserved across
    /// processes (<see cref="PortReservations"/>) and not handed out again while its reservation is fresh.
    /// </summary>
    private static int FreePort()
    {
        var (low, high) = SafeRange.Value;
        lock (HandedOut)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(low, high);
                if (HandedOut.Add(port) && !IsInUse(port) && PortReservations.TryReserve(port))
                {
                    return port;
                }
            }
        }

        throw new StackConfigurationException($"No free loopback port between {low} and {high}.");
    }

    private static readonly HashSet<int> HandedOut = [];

    // Clear of the dev stack's ports (all below 26000) and of the ephemeral range.
    private static readonly Lazy<(int Low, int High)> SafeRange = new(() =>
    {
        var high = Math.Min(EphemeralLow(), 65535);
        return high - 26000 >= 1000 ? (26000, high) : (20000, 25000);
    });

    private static int EphemeralLow()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range");
            return int.Parse(range.Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[0]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return 32768;
        }
    }

    private static bool IsInUse(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    // Who holds the port, from iproute2's ss where it is installed: " by redis-server (pid 1234)".
    private static string Holder(int port)
    {
        try
        {
            using var ss = Process.Start(new ProcessStartInfo("ss", ["-Hltnp", $"sport = :{port}"]) { RedirectStandardOutput = true, RedirectStandardError = true });
            var output = ss?.StandardOutput.ReadToEnd() ?? "";
            ss?.WaitForExit(2000);
            var match = System.Text.RegularExpressions.Regex.Match(output, "\\(\\(\"(?<name>[^\"]+)\",pid=(?<pid>\\d+)");
            return match.Success ? $" by {match.Groups["name"].Value} (pid {match.Groups["pid"].Value})" : "";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "";
        }
    }
}
