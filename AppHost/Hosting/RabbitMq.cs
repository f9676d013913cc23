using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dating.AppHost.Hosting;

/// <summary>
/// A self-contained RabbitMQ node from Debian's packages: its own HOME (Erlang cookie), node name, ports and
/// folders, so it never reads /etc/rabbitmq; with the management UI. Erlang's port mapper (epmd) runs as a child
/// resource in the foreground, so nothing of the node outlives the stack.
/// </summary>
public sealed class RabbitMqServerResource(string name, string dataDirectory, int port, int managementPort)
    : ExecutableResource(name, "/usr/bin/env", dataDirectory), IResourceWithConnectionString
{
    public int Port => port;

    public int ManagementPort => managementPort;

    internal string Home => Path.Combine(WorkingDirectory, "home");

    internal string ConfigFile => Path.Combine(WorkingDirectory, "rabbitmq.conf");

    /// <summary>Where the node writes its process id as it boots (RABBITMQ_PID_FILE).</summary>
    internal string PidFile => Path.Combine(WorkingDirectory, "rabbitmq.pid");

    /// <summary>Whether the process is this node's Erlang VM: started with this node's home (<c>-home</c>), not gone.</summary>
    public bool IsNode(int pid) => LocalProcesses.ArgumentsOf(pid).Contains(Home);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"amqp://guest:guest@127.0.0.1:{Port.ToString()}/");
}

/// <summary>Erlang's port mapper daemon for one RabbitMQ node.</summary>
public sealed class EpmdResource(string name, string workingDirectory, int port) : ExecutableResource(name, "/usr/bin/env", workingDirectory)
{
    public int Port => port;
}

public static class RabbitMqExtensions
{
    public static IResourceBuilder<RabbitMqServerResource> AddRabbitMqServer(
        this IDistributedApplicationBuilder builder, string name, int port, int managementPort, int distributionPort, int epmdPort, LocalData data)
    {
        var server = new RabbitMqServerResource(name, data.For(name), port, managementPort);
        var epmd = builder.AddResource(new EpmdResource($"{name}-epmd", server.WorkingDirectory, epmdPort))
            .WithParentRelationship(server)
            .WithLateArgs(() => ([ServerBinaries.Required(ServerBinaries.Epmd(), "epmd"), "-port", epmdPort.ToString(), "-address", "127.0.0.1"]))
            .WithProbe("epmd does not accept connections", ct => Probes.TcpAcceptsAsync(epmdPort, ct))
            .ExcludeFromManifest();

        // epmd waits for whatever its node waits for (the install step), except for itself.
        builder.Eventing.Subscribe<BeforeStartEvent>((_, _) =>
        {
            foreach (var wait in server.Annotations.OfType<WaitAnnotation>().Where(w => w.Resource != epmd.Resource).ToList())
            {
                epmd.Resource.Annotations.Add(wait);
            }

            return Task.CompletedTask;
        });
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, (_, ct) => WriteConfigurationAsync(server, ct));
        var rabbit = builder.AddResource(server)
            .WithIconName("Mail")
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: "tcp", isProxied: false)
            .WithHttpEndpoint(port: managementPort, targetPort: managementPort, name: "management", isProxied: false)
            .WithArgs(context => context.Args.Add(ServerBinaries.Required(ServerBinaries.RabbitMqServer(), "RabbitMQ")))
            .WithEnvironment(context =>
            {
                var environment = context.EnvironmentVariables;
                environment["HOME"] = server.Home;
                environment["ERL_EPMD_PORT"] = epmdPort.ToString();
                environment["ERL_EPMD_ADDRESS"] = "127.0.0.1";
                // Never a daemon epmd of Erlang's own, which would outlive the stack: the node uses the child resource's.
                environment["ERL_FLAGS"] = "-start_epmd false";
                environment["RABBITMQ_NODENAME"] = $"dating{port}@localhost";
                environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
                environment["RABBITMQ_NODE_PORT"] = port.ToString();
                environment["RABBITMQ_DIST_PORT"] = distributionPort.ToString();
                environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(server.WorkingDirectory, "mnesia");
                environment["RABBITMQ_LOG_BASE"] = Path.Combine(server.WorkingDirectory, "log");
                environment["RABBITMQ_PID_FILE"] = server.PidFile;
                environment["RABBITMQ_CONFIG_FILE"] = server.ConfigFile;
                environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(server.WorkingDirectory, "enabled_plugins");
                environment["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(server.WorkingDirectory, "rabbitmq-env.conf");
                // The start script then execs the VM in place: the process Aspire holds is the node, and SIGTERM stops it cleanly.
                environment["RUNNING_UNDER_SYSTEMD"] = "1";
            })
            .WithUrlForEndpoint("management", url => url.DisplayText = "management UI (guest / guest)")
            .WaitFor(epmd)
            .WithProbe("RabbitMQ does not answer AMQP and the management UI", async ct =>
                await Probes.AmqpHandshakeAsync(port, ct) && await Probes.HttpAnswersAsync($"http://127.0.0.1:{managementPort}/", ct))
            .ExcludeFromManifest();
        if (data.Throwaway)
        {
            KillWhenTheStackStops(builder, server);
        }

        return rabbit;
    }

    /// <summary>
    /// An isolated stack's node is killed when the stack stops, before the orchestrator stops the rest: its data is
    /// deleted with the stack, so a graceful stop keeps nothing, and Debian's RabbitMQ 3.10 spends 5 s of its graceful
    /// stop waiting out a timeout in the management agent (its statistics handler asks the stopping node for a refresh;
    /// fixed upstream in 3.13, rabbitmq-server pull request 11070). Tests and benchmarks stop twenty such stacks a run.
    /// The dev stack's node, whose data stays, and the Stop command keep the graceful stop.
    /// </summary>
    private static void KillWhenTheStackStops(IDistributedApplicationBuilder builder, RabbitMqServerResource server) =>
        builder.Eventing.Subscribe<AfterResourcesCreatedEvent>((e, _) =>
        {
            e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() =>
            {
                // No file: the node never booted, or has stopped (it deletes the file as it stops). A file left by a node
                // killed earlier (a fault test) may name a process that is no longer it: only a VM started with this
                // node's home is killed.
                if (LocalProcesses.PidFromFile(server.PidFile) is { } pid && server.IsNode(pid))
                {
                    ProcessSignal.TrySend(pid, "KILL");
                }
            });
            return Task.CompletedTask;
        });

    private static async Task WriteConfigurationAsync(RabbitMqServerResource server, CancellationToken ct)
    {
        Directory.CreateDirectory(server.Home);
        Directory.CreateDirectory(Path.Combine(server.WorkingDirectory, "mnesia"));
        Directory.CreateDirectory(Path.Combine(server.WorkingDirectory, "log"));
        await File.WriteAllTextAsync(server.ConfigFile,
            $"""
            listeners.tcp.default = 127.0.0.1:{server.Port}
            management.tcp.ip = 127.0.0.1
            management.tcp.port = {server.ManagementPort}
            loopback_users.guest = true
            log.console = true
            log.console.level = warning
            log.file = false
            """, ct);
        await File.WriteAllTextAsync(Path.Combine(server.WorkingDirectory, "enabled_plugins"), "[rabbitmq_management].\n", ct);
        await File.WriteAllTextAsync(Path.Combine(server.WorkingDirectory, "rabbitmq-env.conf"), "", ct);
    }
}
