using System.Security.Cryptography;
using Dating.AppHost.Hosting;
using Dating.AppHost.Options;
using Dating.AppHost.Services;
using Dating.BuildingBlocks.Modules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The map of the system: backing services, then the services with what they use, then the gateway in front.
string[] microservices = [.. ModuleCatalog.All.Select(module => module.Name)];
if (StackOptions.WantsHelp(args))
{
    return StackOptions.Command.Parse(args).Invoke();
}

StackOptions options;
try
{
    options = StackOptions.Parse(args, topology => topology == Topology.Monolith ? ["monolith"] : microservices);
}
catch (StackConfigurationException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var builder = DistributedApplication.CreateBuilder(options.AspireArguments.ToArray());
var root = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
var data = options.Isolated ? LocalData.Isolated(options.Durable) : LocalData.Development(root, options.Fresh);
var ports = new LocalPorts(free: options.Isolated);
var withRabbitMq = options.Topology == Topology.Microservices;

// Backing services: local processes on fixed loopback ports, installed by one step they all wait for.
var install = builder.AddServerInstallation("install", withRabbitMq, highAvailability: options.HighAvailability, root);
IResourceBuilder<IPostgresServerResource> postgres = options.HighAvailability
    ? builder.AddPatroniCluster("postgres", [ports.Take("postgres-0", 5532), ports.Take("postgres-1", 5533)],
        [ports.Take("postgres-0 patroni", 8532), ports.Take("postgres-1 patroni", 8533)], (ports.Take("postgres-etcd", 2479), ports.Take("postgres-etcd peer", 2480)), data, install)
    : builder.AddPostgresServer("postgres", ports.Take("postgres", 5532), data).WaitForCompletion(install);
IResourceBuilder<IResourceWithConnectionString> redis = options.HighAvailability
    ? builder.AddRedisWithSentinels("redis", [ports.Take("redis-0", 6479), ports.Take("redis-1", 6480)],
        [ports.Take("redis-sentinel-0", 6481), ports.Take("redis-sentinel-1", 6482), ports.Take("redis-sentinel-2", 6483)], data, install)
    : builder.AddRedisServer("redis", ports.Take("redis", 6479), data).WaitForCompletion(install);
var blobs = builder.AddAzurite("azurite", ports.Take("azurite", 10100), data, root).WaitForCompletion(install);
var rabbitmq = withRabbitMq
    ? builder.AddRabbitMqServer("rabbitmq", ports.Take("rabbitmq", 5772), ports.Take("rabbitmq management", 15772),
        ports.Take("rabbitmq distribution", 25772), ports.Take("epmd", 4469), data).WaitForCompletion(install)
    : null;
IReadOnlyList<IResourceBuilder<PostgresDatabaseResource>> swipeShards =
    withRabbitMq ? builder.AddSwipeShardServers(options.Shards, ports, data, install) : [];

if (!options.BackingOnly && rabbitmq is not null)
{
    // Every module as its own service, with its own database, behind the gateway.
    var services = ModuleCatalog.All.Select(module => ModuleService(module, rabbitmq)).ToList();
    var gateway = Gateway();
    foreach (var service in services)
    {
        gateway.WithDestinations(service);
    }
}
else if (!options.BackingOnly)
{
    // Every module in one process, one database with a schema per module, events in memory. Alone it is the
    // public API itself; with replicas, each serves every route behind the gateway.
    var alone = options.ReplicasOf("monolith") == 1;
    var monolith = Service(ServiceReplicas.Add<Projects.Dating_Monolith>, "monolith", alone ? 5080 : 5081, spares: alone ? 0 : options.Spares)
        .WithReference(postgres.AddDatabase("monolith")).WithReference(redis).WithReference(blobs, "blobs");
    if (alone)
    {
        monolith.All[0].Resource.AsPublicApi();
    }
    else
    {
        // The gateway limits the account routes per client address; behind it a replica would see only the gateway's.
        monolith.WithEnvironment("Gateway__RateLimiting__Enabled", "false");
        var gateway = Gateway();
        foreach (var cluster in microservices)
        {
            gateway.WithDestinations(monolith, cluster);
        }
    }
}

if (!options.BackingOnly)
{
    // One session check per request: the gateway signs the session it checked with this key, and the services trust the
    // signature instead of asking Redis again (ForwardedSession). A new key every run, since every process starts from it.
    var forwardingKey = builder.AddParameter("session-forwarding-key", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), secret: true);
    foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
    {
        builder.CreateResourceBuilder(project).WithEnvironment("Sessions__ForwardingKey", forwardingKey);
    }
}

if (options.HighAvailability)
{
    // A login is answered once the Redis replica has its session, so a failover right after it keeps the session.
    foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
    {
        builder.CreateResourceBuilder(project).WithEnvironment("Sessions__ReplicaAcknowledgements", "1");
    }
}

if (!options.Isolated)
{
    try
    {
        ports.EnsureFree();
    }
    catch (StackConfigurationException e)
    {
        Console.Error.WriteLine(e.Message);
        return 2;
    }
}

builder.Eventing.Subscribe<BeforeStartEvent>((e, _) =>
{
    e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopped.Register(data.DeleteIfThrowaway);
    return Task.CompletedTask;
});

builder.Build().Run();
return Environment.ExitCode;

ServiceReplicas Service(AddService add, string name, int basePort, int? spares = null) =>
    add(builder, name, basePort, options.ReplicasOf(name), spares ?? options.Spares, ports);

ServiceReplicas ModuleService(ModuleEntry module, IResourceBuilder<IResourceWithConnectionString> rabbitmq)
{
    var service = Service(ModuleServices.Of(module), module.Name, module.DefaultPort)
        .WithReference(postgres.AddDatabase(module.Database)).WithReference(redis).WithReference(rabbitmq);
    for (var i = 0; module == ModuleCatalog.Matching && i < swipeShards.Count; i++)
    {
        service.WithReference(swipeShards[i], SwipeShardServers.NameOf(i));
    }

    return module.UsesBlobStorage ? service.WithReference(blobs, "blobs") : service;
}

IResourceBuilder<ProjectResource> Gateway() =>
    ServiceReplicas.Single<Projects.Dating_Gateway>(builder, "gateway", 5080, ports).WithReference(redis).WaitFor(redis).AsPublicApi();
// The app host is started by Aspire.Hosting.Testing through its assembly; its entry point need not be public
// (a public Program would clash with the service hosts' in test projects that reference both).
internal sealed partial class Program;
