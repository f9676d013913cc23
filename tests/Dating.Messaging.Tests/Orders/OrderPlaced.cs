using Dating.Contracts;

namespace Dating.Messaging.Tests.Orders;

[IntegrationEvent("test-order-placed", 1)]
public sealed record OrderPlaced(Guid OrderId, string Item);
