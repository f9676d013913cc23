using Dating.Contracts;

namespace Dating.Messaging.Tests.Orders;

/// <summary>An event its consumer can never handle.</summary>
[IntegrationEvent("test-poison-pill", 1)]
public sealed record PoisonPill(Guid Id);
