using System.Collections.Concurrent;
using System.Diagnostics;

namespace Dating.Messaging.Tests.Orders;

/// <summary>What a host's consumers saw, by order id (hosts share exchanges, so they also see other tests' events).</summary>
public sealed class DeliveryProbe
{
    public ConcurrentDictionary<Guid, int> RawDeliveries { get; } = new();

    public ConcurrentDictionary<Guid, ActivityTraceId?> ConsumerTraceIds { get; } = new();

    public ConcurrentDictionary<Guid, string[]> MessageTypes { get; } = new();

    public ConcurrentDictionary<Guid, int> PoisonAttempts { get; } = new();

    public ConcurrentDictionary<Guid, int> HandlingAttempts { get; } = new();

    public ConcurrentDictionary<Guid, int> AfterCommits { get; } = new();

    public int RawDeliveriesOf(Guid orderId) => RawDeliveries.GetValueOrDefault(orderId);
}
