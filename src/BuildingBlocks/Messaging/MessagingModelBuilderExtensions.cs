using Microsoft.EntityFrameworkCore;

namespace Dating.BuildingBlocks.Messaging;

public static class MessagingModelBuilderExtensions
{
    /// <summary>
    /// Maps <c>outbox_messages</c> and <c>inbox_messages</c> into the context's (default) schema, so the
    /// module's own migrations create them beside its tables.
    /// </summary>
    public static ModelBuilder AddMessagingTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        return modelBuilder;
    }
}
