using MassTransit;

namespace Dating.Messaging.Tests.Orders;

public sealed class PoisonPillConsumer(DeliveryProbe probe) : IConsumer<PoisonPill>
{
    public Task Consume(ConsumeContext<PoisonPill> context)
    {
        probe.PoisonAttempts.AddOrUpdate(context.Message.Id, 1, (_, n) => n + 1);
        throw new InvalidOperationException("This message can never be handled.");
    }
}
