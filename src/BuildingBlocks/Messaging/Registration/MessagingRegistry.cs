using Microsoft.Extensions.DependencyInjection;

namespace Dating.BuildingBlocks.Messaging;

/// <summary>
/// What the modules registered, kept in the service collection until the host's AddMessageBus
/// configures the one bus: MassTransit allows a single AddMassTransit call per process.
/// </summary>
internal sealed class MessagingRegistry
{
    public List<RegisteredConsumer> Consumers { get; } = [];

    public HashSet<Type> DbContexts { get; } = [];

    public bool BusAdded { get; set; }

    public static MessagingRegistry From(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(MessagingRegistry))?.ImplementationInstance is MessagingRegistry registry)
        {
            return registry;
        }

        registry = new MessagingRegistry();
        services.AddSingleton(registry);
        return registry;
    }
}

/// <param name="Module">The module's name, the queue prefix when OTEL_SERVICE_NAME is not set.</param>
internal sealed record RegisteredConsumer(Type ConsumerType, string Module);
