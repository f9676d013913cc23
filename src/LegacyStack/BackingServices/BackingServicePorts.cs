using System.Net;
using System.Net.Sockets;

namespace Dating.AppHost.BackingServices;

/// <summary>The loopback ports the servers listen on.</summary>
public sealed record BackingServicePorts(
    int Postgres,
    int Redis,
    int RabbitMq,
    int RabbitMqManagement,
    int RabbitMqDistribution,
    int Epmd,
    int Azurite)
{
    /// <summary>Fixed ports of the dev stack, away from the servers' usual ports so a system install does not clash.</summary>
    public static BackingServicePorts Development { get; } = new(5532, 6479, 5772, 15772, 25772, 4469, 10100);

    /// <summary>Free ports for a test run, so tests can run beside a dev stack and each other.</summary>
    public static BackingServicePorts Free() => new(
        FreePort(), FreePort(), FreePort(), FreePort(), FreePort(), FreePort(), FreePort());

    /// <summary>
    /// A port that is free now and lies below the kernel's ephemeral range. A port the kernel hands out for
    /// <c>bind(0)</c> is also what it hands to outgoing connections, so between our check and the server's
    /// own bind a client socket could take it (seen in CI as EADDRINUSE). Ports below the range are only
    /// taken by servers that ask for them, and this process never hands the same one out twice.
    /// </summary>
    public static int FreePort()
    {
        var (low, high) = SafeRange;
        lock (HandedOut)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(low, high);
                if (HandedOut.Add(port) && !IsInUse(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free loopback port between {low} and {high}.");
    }

    private static readonly HashSet<int> HandedOut = [];

    private static readonly Lazy<(int Low, int High)> Range = new(() =>
    {
        var ephemeralLow = ReadEphemeralLow();
        // Keep clear of the fixed dev ports (all below 26000) and of the ephemeral range.
        var low = 26000;
        var high = Math.Min(ephemeralLow, 65535);
        return high - low >= 1000 ? (low, high) : (10200, 15000);
    });

    private static (int Low, int High) SafeRange => Range.Value;

    private static int ReadEphemeralLow()
    {
        try
        {
            var text = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range");
            return int.Parse(text.Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[0]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return 32768;
        }
    }

    public static bool IsInUse(int port)
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
}
