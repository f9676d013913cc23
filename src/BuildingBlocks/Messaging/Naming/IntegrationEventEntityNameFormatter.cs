using MassTransit;

namespace Dating.BuildingBlocks.Messaging;

/// <summary>
/// Names exchanges (topics) after the event's versioned wire name, e.g. <c>dating.profile-created.v1</c>,
/// so the broker's topology never depends on CLR namespaces; everything else keeps MassTransit's name.
/// </summary>
internal sealed class IntegrationEventEntityNameFormatter(IEntityNameFormatter fallback) : IEntityNameFormatter
{
    public string FormatEntityName<T>()
    {
        var type = typeof(T);
        if (IntegrationEventCatalog.FindWireName(type) is { } wireName)
        {
            return wireName;
        }

        // Faults of our events get a readable versioned name too.
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Fault<>)
            && IntegrationEventCatalog.FindWireName(type.GetGenericArguments()[0]) is { } faulted)
        {
            return $"{faulted}.fault";
        }

        return fallback.FormatEntityName<T>();
    }
}
