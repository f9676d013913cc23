using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Dating.BuildingBlocks.Messaging;

public static class IntegrationEventDbContextExtensions
{
    /// <summary>
    /// Stores the event as an outbox row in the change tracker: the next SaveChanges writes it in the same
    /// transaction as the state change, and it is published only after that transaction commits.
    /// </summary>
    public static void AddIntegrationEvent<TEvent>(this DbContext db, TEvent integrationEvent)
        where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        if (db.Model.FindEntityType(typeof(OutboxMessage)) is null)
        {
            throw new InvalidOperationException(
                $"{db.GetType().Name} has no outbox: call modelBuilder.AddMessagingTables() in its OnModelCreating.");
        }

        var type = integrationEvent.GetType();
        IntegrationEventCatalog.Register(type);
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            Type = IntegrationEventCatalog.WireNameOf(type),
            Payload = JsonSerializer.Serialize(integrationEvent, type, OutboxJson.Options),
            TraceParent = TraceParent.Current(),
            CreatedAt = DateTimeOffset.UtcNow,
        });
    }
}
