namespace Dating.BuildingBlocks.Messaging;

/// <summary>An outbox row names an event type no loaded assembly declares; it stays in the outbox for a build that knows it.</summary>
public sealed class UnknownIntegrationEventException(string wireName)
    : Exception($"No loaded type is marked [IntegrationEvent] with the wire name {wireName}.")
{
    public string WireName { get; } = wireName;
}
