using System.Collections.Immutable;
using Dating.AppHost.BackingServices;

namespace Dating.AppHost.Orchestration;

/// <summary>
/// A whole running stack: backing services, every service replica as its own process, and the gateway
/// in front (a lone monolith has none: it is the public API). Services get their configuration the way
/// an Aspire AppHost passes it, so they would run unchanged under Aspire. Used by
/// <c>dotnet run --project AppHost</c> and by end-to-end tests.
/// </summary>
public sealed partial class DistributedStack : IAsyncDisposable
{
    private readonly StackOptions _options;
    private readonly bool _ownsBackingServices;
    // Replaced, never changed in place: a crashed replica's restart, `status` and a scaling step may read it at once
    // (scaling steps replace it one at a time, under the scaling lock).
    private volatile ImmutableList<ServiceReplica> _replicas = [];
    private ServiceReplica? _gateway;
    private bool _stopped;

    private DistributedStack(StackOptions options, BackingServiceSet backingServices, bool ownsBackingServices)
    {
        _options = options;
        BackingServices = backingServices;
        _ownsBackingServices = ownsBackingServices;
    }

    public BackingServiceSet BackingServices { get; }

    /// <summary>Every service replica, without the gateway.</summary>
    public IReadOnlyList<ServiceReplica> Replicas => _replicas;

    /// <summary>The gateway; a monolith with one replica has none (<see cref="HasGateway"/>): it serves the public API itself.</summary>
    public ServiceReplica Gateway =>
        _gateway ?? throw new StackConfigurationException("This stack has no gateway: its one monolith replica serves the public API.");

    public bool HasGateway => _gateway is not null;

    /// <summary>The public API: the gateway, or the lone monolith.</summary>
    public Uri PublicUrl => _gateway?.Url ?? Replica(ServiceCatalog.Monolith.Name, 0).Url;

    // A lone monolith is the public API itself (in-process calls are its point); anything else is served through the gateway.
    private bool ServedThroughGateway =>
        _options.Topology != Topology.Monolith || _options.ReplicasOf(ServiceCatalog.Monolith.Name) > 1;

    public IEnumerable<ServiceReplica> ReplicasOf(string service) => _replicas.Where(r => r.Service.Name == service);

    public ServiceReplica Replica(string service, int index) =>
        ReplicasOf(service).FirstOrDefault(r => r.Index == index)
        ?? throw new StackConfigurationException($"There is no replica {index} of {service}.");

    public static async Task<DistributedStack> StartAsync(StackOptions options, CancellationToken ct = default)
    {
        var services = ServiceCatalog.For(options.Topology);
        ValidateReplicas(options, services);
        Directory.CreateDirectory(options.LogDirectory);

        var backing = options.BackingServices;
        var owns = backing is null;
        backing ??= await BackingServiceSet.StartAsync(
            BackingServicesOptions.Development(options.Fresh, options.Log, options.OnOutput) with { IncludeRabbitMq = options.Topology == Topology.Microservices },
            ct);

        var stack = new DistributedStack(options, backing, owns);
        try
        {
            await stack.StartServicesAsync(services, ct);
        }
        catch
        {
            await stack.StopAsync();
            throw;
        }

        return stack;
    }

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        // Reverse order: the gateway first, so no request reaches a stopping service; backing services last.
        if (_gateway is not null)
        {
            await _gateway.StopAsync();
        }

        await Task.WhenAll(_replicas.Reverse().Select(r => r.StopAsync()));
        if (_ownsBackingServices)
        {
            await BackingServices.StopAsync();
        }

        _options.Log("stack stopped");
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    /// <summary>Name, state, URL and pid of every resource.</summary>
    public IReadOnlyList<ResourceRow> Resources()
    {
        var rows = BackingServices.All
            .Select(s => new ResourceRow(s.Name, s.IsRunning ? "Running" : "Stopped", $"127.0.0.1:{s.Port}", s.Pid))
            .ToList();
        if (BackingServices.RabbitMq is { } rabbit)
        {
            rows.Add(new ResourceRow("rabbitmq-ui", rabbit.IsRunning ? "Running" : "Stopped", rabbit.ManagementUrl.ToString().TrimEnd('/'), rabbit.Pid));
        }

        rows.AddRange((_gateway is null ? _replicas : _replicas.Append(_gateway)).Select(r => new ResourceRow(r.Name, r.State.ToString(), r.Url.ToString().TrimEnd('/'), r.Pid)));
        return rows;
    }

    private async Task StartServicesAsync(IReadOnlyList<ServiceDefinition> services, CancellationToken ct)
    {
        var replicas = ImmutableList.CreateBuilder<ServiceReplica>();
        foreach (var service in services)
        {
            for (var i = 0; i < _options.ReplicasOf(service.Name); i++)
            {
                var index = i;
                replicas.Add(new ServiceReplica(service, i, PortFor(service, i), _options, () => EnvironmentFor(service, index)));
            }
        }

        _replicas = replicas.ToImmutable();

        _options.Log($"starting {string.Join(", ", _replicas.Select(r => r.Name))}");
        await Task.WhenAll(_replicas.Select(r => r.StartAsync(ct)));
        if (!ServedThroughGateway)
        {
            return;
        }

        _gateway = new ServiceReplica(ServiceCatalog.Gateway, 0, PortFor(ServiceCatalog.Gateway, 0), _options, () => EnvironmentFor(ServiceCatalog.Gateway, 0));
        _options.Log("starting gateway");
        PublishGatewayDestinations();
        await _gateway.StartAsync(ct);
    }

    private int PortFor(ServiceDefinition service, int index)
    {
        if (!_options.FixedPorts)
        {
            return BackingServicePorts.FreePort();
        }

        var port = service == ServiceCatalog.Monolith && !ServedThroughGateway ? ServiceCatalog.Gateway.BasePort : service.BasePort + index;
        return BackingServicePorts.IsInUse(port)
            ? throw new StackConfigurationException($"{service.Name}-{index}: port {port} is in use (is another stack running?).")
            : port;
    }

    private Dictionary<string, string?> EnvironmentFor(ServiceDefinition service, int index)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = (service == ServiceCatalog.Gateway ? _gateway : Replica(service.Name, index))?.Url.ToString().TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["OTEL_SERVICE_NAME"] = service.Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={service.Name}-{index}",
        };
        foreach (var (name, value) in BackingServices.ConnectionStrings.Where(c => ServiceCatalog.Receives(service, c.Key)))
        {
            environment[$"ConnectionStrings__{name}"] = value;
        }

        // Service discovery the Aspire way: every replica of every service, by name.
        foreach (var replica in _replicas)
        {
            environment[$"services__{replica.Service.Name}__http__{replica.Index}"] = replica.Url.ToString().TrimEnd('/');
        }

        if (_options.Topology == Topology.Monolith)
        {
            AddMonolithBehindGateway(service, environment);
        }

        AddGatewayDestinationsFile(service, environment);

        foreach (var (name, value) in _options.Environment)
        {
            environment[name] = value;
        }

        return environment;
    }

    // The gateway, unchanged, in front of monolith replicas: each replica serves every service's routes, so it is
    // every cluster's destination. The replicas leave the per-address limit on the account routes to the gateway.
    private void AddMonolithBehindGateway(ServiceDefinition service, Dictionary<string, string?> environment)
    {
        if (service == ServiceCatalog.Gateway)
        {
            foreach (var replica in ReplicasOf(ServiceCatalog.Monolith.Name))
            {
                foreach (var name in ServiceCatalog.Microservices.Select(s => s.Name))
                {
                    environment[$"services__{name}__http__{replica.Index}"] = replica.Url.ToString().TrimEnd('/');
                }
            }
        }
        else if (ServedThroughGateway)
        {
            environment["Gateway__RateLimiting__Enabled"] = "false";
        }
    }

    private static void ValidateReplicas(StackOptions options, IReadOnlyList<ServiceDefinition> services)
    {
        foreach (var (name, count) in options.Replicas)
        {
            if (services.All(s => s.Name != name))
            {
                throw new StackConfigurationException(
                    $"--replicas: unknown service '{name}'. Services in this topology: {string.Join(", ", services.Select(s => s.Name))}.");
            }

            if (count is < 1 or > ServiceDefinition.MaxReplicas)
            {
                throw new StackConfigurationException($"--replicas: {name}={count} is out of range (1 to {ServiceDefinition.MaxReplicas}).");
            }
        }
    }
}
