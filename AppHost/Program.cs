using Dating.AppHost.Hosting;
using Dating.AppHost.Options;
using Dating.AppHost.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The map of the system: backing services, then the services with what they use, then the gateway in front.
string[] microservices = ["profiles", "photos", "matching", "chat"];
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
var data = options.Isolated ? LocalData.Isolated() : LocalData.Development(root, options.Fresh);
var ports = new LocalPorts(free: options.Isolated);
var withRabbitMq = options.Topology == Topology.Microservices;

// Backing services: local processes on fixed loopback ports, installed by one step they all wait for.
var install = builder.AddServerInstallation("install", withRabbitMq, root);
var postgres = builder.AddPostgresServer("postgres", ports.Take("postgres", 5532), data).WaitForCompletion(install);
var redis = builder.AddRedisServer("redis", ports.Take("redis", 6479), data).WaitForCompletion(install);
var blobs = builder.AddAzurite("azurite", ports.Take("azurite", 10100), data, root).WaitForCompletion(install);
var rabbitmq = withRabbitMq
    ? builder.AddRabbitMqServer("rabbitmq", ports.Take("rabbitmq", 5772), ports.Take("rabbitmq management", 15772),
        ports.Take("rabbitmq distribution", 25772), ports.Take("epmd", 4469), data).WaitForCompletion(install)
    : null;

if (!options.BackingOnly && rabbitmq is not null)
{
    // Every service as its own process, with its own database, behind the gateway.
    var profiles = Service<Projects.Dating_Profiles_Host>("profiles", 5110)
        .WithReference(postgres.AddDatabase("profiles")).WithReference(redis).WithReference(rabbitmq);
    var photos = Service<Projects.Dating_Photos_Host>("photos", 5120)
        .WithReference(postgres.AddDatabase("photos")).WithReference(redis).WithReference(rabbitmq).WithReference(blobs, "blobs");
    var matching = Service<Projects.Dating_Matching_Host>("matching", 5130)
        .WithReference(postgres.AddDatabase("matching")).WithReference(redis).WithReference(rabbitmq);
    var chat = Service<Projects.Dating_Chat_Host>("chat", 5140)
        .WithReference(postgres.AddDatabase("chat")).WithReference(redis).WithReference(rabbitmq);

    Gateway().WithDestinations(profiles).WithDestinations(photos).WithDestinations(matching).WithDestinations(chat);
}
else if (!options.BackingOnly)
{
    // Every module in one process, one database with a schema per module, events in memory. Alone it is the
    // public API itself; with replicas, each serves every route behind the gateway.
    var alone = options.ReplicasOf("monolith") == 1;
    var monolith = Service<Projects.Dating_Monolith>("monolith", alone ? 5080 : 5081, spares: alone ? 0 : options.Spares)
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

ServiceReplicas Service<TProject>(string name, int basePort, int? spares = null) where TProject : IProjectMetadata, new() =>
    ServiceReplicas.Add<TProject>(builder, name, basePort, options.ReplicasOf(name), spares ?? options.Spares, ports);

IResourceBuilder<ProjectResource> Gateway() =>
    ServiceReplicas.Single<Projects.Dating_Gateway>(builder, "gateway", 5080, ports).WithReference(redis).WaitFor(redis).AsPublicApi();
// The app host is started by Aspire.Hosting.Testing through its assembly; its entry point need not be public
// (a public Program would clash with the service hosts' in test projects that reference both).
internal sealed partial class Program;
