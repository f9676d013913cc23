namespace Dating.AppHost.Hosting;

/// <summary>
/// Redis from Debian's packages as a local process on a fixed loopback port: with an append-only file in the dev
/// stack (sessions survive a restart), nothing on disk when the data is throwaway.
/// </summary>
public sealed class RedisServerResource(string name, string dataDirectory, int port)
    : ExecutableResource(name, "/usr/bin/env", dataDirectory), IResourceWithConnectionString
{
    public int Port => port;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"127.0.0.1:{Port.ToString()}");
}

public static class RedisExtensions
{
    public static IResourceBuilder<RedisServerResource> AddRedisServer(this IDistributedApplicationBuilder builder, string name, int port, LocalData data)
    {
        var server = new RedisServerResource(name, data.For(name), port);
        return builder.AddResource(server)
            .WithIconName("Memory")
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: "tcp", isProxied: false)
            .WithLateArgs(() => (
            [
                ServerBinaries.Required(ServerBinaries.RedisServer(), "redis-server"),
                "--bind", "127.0.0.1", "--port", port.ToString(), "--dir", server.WorkingDirectory,
                "--daemonize", "no", "--save", "", "--appendonly", data.UnsafeDurability ? "no" : "yes",
            ]))
            .WithProbe("Redis does not answer PING", ct => Probes.RedisPingAsync(port, ct))
            .ExcludeFromManifest();
    }
}
