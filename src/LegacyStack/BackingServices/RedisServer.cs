using Dating.AppHost.Processes;

namespace Dating.AppHost.BackingServices;

/// <summary>Redis on 127.0.0.1: append-only file for the dev stack (sessions survive a restart), nothing on disk for tests.</summary>
public sealed class RedisServer(BackingServicesOptions options, Binaries binaries) : BackingServer("redis", options)
{
    public override int Port => Options.Ports.Redis;

    public string ConnectionString => $"127.0.0.1:{Port}";

    protected override ProcessSpec CreateProcessSpec()
    {
        List<string> arguments =
        [
            "--bind", "127.0.0.1",
            "--port", Port.ToString(),
            "--dir", DataDirectory,
            "--daemonize", "no",
            "--save", "",
            "--appendonly", Options.Ephemeral ? "no" : "yes",
        ];
        return new ProcessSpec(binaries.RedisServer, arguments);
    }

    protected override Task<bool> IsReadyAsync(CancellationToken ct) => Probes.RedisPingAsync(Port, ct);
}
