namespace Dating.Messaging.Tests.Orders;

/// <summary>The effect of handling an OrderPlaced: one row per handling, so duplicates would show.</summary>
public sealed class Delivery
{
    public Guid Id { get; init; }

    public Guid OrderId { get; init; }

    public Guid MessageId { get; init; }
}
