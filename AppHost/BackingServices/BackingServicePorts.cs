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

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
