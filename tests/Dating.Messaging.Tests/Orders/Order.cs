namespace Dating.Messaging.Tests.Orders;

/// <summary>The state change an event is raised with.</summary>
public sealed class Order
{
    public Guid Id { get; init; }

    public required string Item { get; init; }
}
