using Dating.AppHost.Processes;

namespace Dating.AppHost.BackingServices;

/// <summary>
/// A self-contained RabbitMQ node: its own HOME (Erlang cookie), node name, ports, epmd and folders,
/// so it never reads /etc/rabbitmq and several nodes can run side by side.
/// </summary>
public sealed class RabbitMqServer(BackingServicesOptions options, Binaries binaries) : BackingServer("rabbitmq", options)
{
    public override int Port => Options.Ports.RabbitMq;

    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{Port}/";

    public Uri ManagementUrl => new($"http://127.0.0.1:{Options.Ports.RabbitMqManagement}/");

    // The first boot after an install is the slowest; on a loaded machine it can take a while.
    protected override TimeSpan StartTimeout => TimeSpan.FromSeconds(120);

    protected override string ProcessSignature => "beam";

    private string Home => Path.Combine(DataDirectory, "home");

    private string ConfigFile => Path.Combine(DataDirectory, "rabbitmq.conf");

    /// <summary>epmd outlives the node; stop ours once no node of ours needs it.</summary>
    public async Task StopEpmdAsync()
    {
        await CommandRunner.RunAsync(
            new ProcessSpec(binaries.Epmd, ["-kill"]) { Environment = EpmdEnvironment() },
            TimeSpan.FromSeconds(10));
    }

    protected override async Task PrepareAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(Path.Combine(DataDirectory, "mnesia"));
        Directory.CreateDirectory(Path.Combine(DataDirectory, "log"));
        await File.WriteAllTextAsync(ConfigFile,
            $"""
            listeners.tcp.default = 127.0.0.1:{Port}
            management.tcp.ip = 127.0.0.1
            management.tcp.port = {Options.Ports.RabbitMqManagement}
            loopback_users.guest = true
            log.console = true
            log.console.level = warning
            log.file = false
            """, ct);
        await File.WriteAllTextAsync(Path.Combine(DataDirectory, "enabled_plugins"), "[rabbitmq_management].\n", ct);
        await File.WriteAllTextAsync(Path.Combine(DataDirectory, "rabbitmq-env.conf"), "", ct);
    }

    protected override ProcessSpec CreateProcessSpec()
    {
        var environment = EpmdEnvironment();
        environment["HOME"] = Home;
        environment["RABBITMQ_NODENAME"] = $"dating{Port}@localhost";
        environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        environment["RABBITMQ_NODE_PORT"] = Port.ToString();
        environment["RABBITMQ_DIST_PORT"] = Options.Ports.RabbitMqDistribution.ToString();
        environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(DataDirectory, "mnesia");
        environment["RABBITMQ_LOG_BASE"] = Path.Combine(DataDirectory, "log");
        environment["RABBITMQ_PID_FILE"] = Path.Combine(DataDirectory, "rabbitmq.pid");
        environment["RABBITMQ_CONFIG_FILE"] = ConfigFile;
        environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(DataDirectory, "enabled_plugins");
        environment["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(DataDirectory, "rabbitmq-env.conf");
        // Makes the start script exec the VM in place, so the pid we hold is the node and SIGTERM stops it cleanly.
        environment["RUNNING_UNDER_SYSTEMD"] = "1";
        return new ProcessSpec(binaries.RabbitMqServer, []) { Environment = environment, WorkingDirectory = DataDirectory };
    }

    protected override Task<bool> IsReadyAsync(CancellationToken ct) => Probes.AmqpHandshakeAsync(Port, ct);

    protected override async Task AfterStartAsync(CancellationToken ct)
    {
        // The management UI starts a moment after AMQP; the dev stack prints its URL, so wait for it too.
        for (var i = 0; i < 100 && !await Probes.HttpAnswersAsync(ManagementUrl.ToString(), ct); i++)
        {
            await Task.Delay(200, ct);
        }
    }

    private Dictionary<string, string?> EpmdEnvironment() => new()
    {
        ["ERL_EPMD_PORT"] = Options.Ports.Epmd.ToString(),
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
    };
}
