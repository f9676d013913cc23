using MassTransit;

namespace Dating.Messaging.Tests.Orders;

/// <summary>A plain consumer on its own queue: counts every delivery, so tests see what the broker really carried.</summary>
public sealed class OrderPlacedObserver(DeliveryProbe probe) : IConsumer<OrderPlaced>
{
    public Task Consume(ConsumeContext<OrderPlaced> context)
    {
        probe.RawDeliveries.AddOrUpdate(context.Message.OrderId, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}
