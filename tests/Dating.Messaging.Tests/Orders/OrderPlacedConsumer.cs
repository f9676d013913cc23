using System.Diagnostics;
using Dating.BuildingBlocks.Messaging;
using MassTransit;

namespace Dating.Messaging.Tests.Orders;

/// <summary>The consumer under test: each handling adds a Delivery row.</summary>
public sealed class OrderPlacedConsumer(OrdersDbContext db, DeliveryProbe probe)
    : IdempotentConsumer<OrderPlaced, OrdersDbContext>(db)
{
    protected override Task HandleAsync(ConsumeContext<OrderPlaced> context, CancellationToken ct)
    {
        probe.ConsumerTraceIds[context.Message.OrderId] = Activity.Current?.TraceId;
        probe.MessageTypes[context.Message.OrderId] = [.. context.SupportedMessageTypes];
        Db.Deliveries.Add(new Delivery
        {
            Id = Guid.NewGuid(),
            OrderId = context.Message.OrderId,
            MessageId = context.MessageId!.Value,
        });
        return Task.CompletedTask;
    }
}
