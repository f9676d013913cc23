namespace Dating.AppHost.Hosting;

/// <summary>
/// One etcd member from Debian's etcd-server on loopback ports: the store where Patroni keeps the leader lock and the
/// cluster's state. One member is itself a single point of failure (production runs three); here it is enough to
/// show a failover of PostgreSQL.
/// </summary>
public sealed class EtcdResource(string name, string dataDirectory, int clientPort, int peerPort) : ExecutableResource(name, "/usr/bin/env", dataDirectory)
{
    public int ClientPort => clientPort;

    public int PeerPort => peerPort;
}

public static class EtcdExtensions
{
    public static IResourceBuilder<EtcdResource> AddEtcd(this IDistributedApplicationBuilder builder, string name, int clientPort, int peerPort, LocalData data)
    {
        var etcd = new EtcdResource(name, data.For(name), clientPort, peerPort);
        var client = $"http://127.0.0.1:{clientPort}";
        var peer = $"http://127.0.0.1:{peerPort}";
        return builder.AddResource(etcd)
            .WithIconName("Key")
            .WithEndpoint(port: clientPort, targetPort: clientPort, scheme: "http", name: "http", isProxied: false)
            .WithLateArgs(() =>
            [
                ServerBinaries.Required(ServerBinaries.Etcd(), "etcd"),
                "--name", name, "--data-dir", Path.Combine(etcd.WorkingDirectory, "member-data"),
                "--listen-client-urls", client, "--advertise-client-urls", client,
                "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer, "--initial-cluster", $"{name}={peer}",
            ])
            .WithProbe("etcd does not report itself healthy", ct => Probes.HttpJsonAsync($"{client}/health", json => json.GetProperty("health").GetString() == "true", ct))
            .ExcludeFromManifest();
    }
}
