using System.Diagnostics;
using Dating.BuildingBlocks.Messaging;
using MassTransit;

namespace Dating.Messaging.Tests.Orders;

/// <summary>The consumer under test: each handling adds a Delivery row.</summary>
public sealed class OrderPlacedConsumer(OrdersDbContext db, DeliveryProbe probe, AfterCommit afterCommit)
    : IdempotentConsumer<OrderPlaced, OrdersDbContext>(db)
{
    /// <summary>An order of this item makes every handling fail after its changes were made, so they roll back.</summary>
    public const string Unhandleable = "unhandleable";

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
        probe.HandlingAttempts.AddOrUpdate(context.Message.OrderId, 1, (_, n) => n + 1);
        afterCommit.Enqueue(Db, () =>
        {
            probe.AfterCommits.AddOrUpdate(context.Message.OrderId, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        });
        return context.Message.Item == Unhandleable
            ? throw new InvalidOperationException("This order can never be handled.")
            : Task.CompletedTask;
    }
}
