namespace Dating.AppHost.Orchestration;

// Replicas that come and go while the stack runs. The gateway takes its destinations from a file it watches
// (GatewayDestinations); every scaling step rewrites that file, and the gateway reloads it without a restart.
public sealed partial class DistributedStack
{
    // Time for the gateway to reload its destinations and finish what it sent to a replica being removed.
    private static readonly TimeSpan DrainDelay = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _scaling = new(1, 1);

    /// <summary>The JSON file of destinations the gateway watches.</summary>
    public string GatewayDestinationsFile => Path.Combine(_options.LogDirectory, "gateway-destinations.json");

    /// <summary>
    /// Starts one more replica of <paramref name="service"/> (the lowest free index), waits until it is healthy,
    /// then tells the gateway, which sends it about 1/N of the users of a consistent-hash cluster.
    /// </summary>
    public async Task<ServiceReplica> AddReplicaAsync(string service, CancellationToken ct = default)
    {
        await _scaling.WaitAsync(ct);
        try
        {
            if (_stopped)
            {
                throw new StackConfigurationException("The stack is stopped.");
            }

            if (!HasGateway)
            {
                throw new StackConfigurationException("This stack has no gateway to put another replica behind; start it with --replicas NAME=2 or more to scale it.");
            }

            var definition = ServiceCatalog.For(_options.Topology).FirstOrDefault(s => s.Name == service)
                ?? throw new StackConfigurationException($"Unknown service '{service}'. Services in this topology: {string.Join(", ", ServiceCatalog.For(_options.Topology).Select(s => s.Name))}.");
            var used = ReplicasOf(service).Select(r => r.Index).ToHashSet();
            var index = Enumerable.Range(0, ServiceDefinition.MaxReplicas).FirstOrDefault(i => !used.Contains(i), -1);
            if (index < 0)
            {
                throw new StackConfigurationException($"{service} already has {ServiceDefinition.MaxReplicas} replicas, the most a stack runs.");
            }

            var replica = new ServiceReplica(definition, index, PortFor(definition, index), _options, () => EnvironmentFor(definition, index));
            _replicas = _replicas.Add(replica);
            try
            {
                await replica.StartAsync(ct);
            }
            catch
            {
                _replicas = _replicas.Remove(replica);
                await replica.StopAsync();
                throw;
            }

            PublishGatewayDestinations();
            _options.Log($"{replica.Name} added ({ReplicasOf(service).Count()} replicas of {service})");
            return replica;
        }
        finally
        {
            _scaling.Release();
        }
    }

    /// <summary>
    /// Takes the highest-numbered replica of <paramref name="service"/> out of the gateway, lets it drain, and
    /// stops it gracefully. Only its users move. The last replica of a service is never removed.
    /// </summary>
    public async Task<ServiceReplica> RemoveReplicaAsync(string service, CancellationToken ct = default)
    {
        await _scaling.WaitAsync(ct);
        try
        {
            var replicas = ReplicasOf(service).OrderBy(r => r.Index).ToList();
            if (replicas.Count == 0)
            {
                throw new StackConfigurationException($"Unknown service '{service}'.");
            }

            if (replicas.Count == 1)
            {
                throw new StackConfigurationException($"{replicas[0].Name} is the last replica of {service}; a service keeps at least one.");
            }

            var replica = replicas[^1];
            _replicas = _replicas.Remove(replica);
            PublishGatewayDestinations();
            await Task.Delay(DrainDelay, ct);
            await replica.StopAsync();
            _options.Log($"{replica.Name} removed ({replicas.Count - 1} replicas of {service})");
            return replica;
        }
        finally
        {
            _scaling.Release();
        }
    }

    // Called when the gateway's environment is built: it reads its destinations from the watched file.
    private void AddGatewayDestinationsFile(ServiceDefinition service, Dictionary<string, string?> environment)
    {
        if (service == ServiceCatalog.Gateway)
        {
            environment[GatewayDestinations.EnvironmentVariable] = GatewayDestinationsFile;
        }
    }

    // The destinations are exactly the service endpoints the gateway's environment names, whatever the topology.
    private void PublishGatewayDestinations()
    {
        if (HasGateway)
        {
            GatewayDestinations.Write(GatewayDestinationsFile, EnvironmentFor(ServiceCatalog.Gateway, 0));
        }
    }
}
