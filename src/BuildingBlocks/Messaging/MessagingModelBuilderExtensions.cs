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
        modelBuilder.AddOutboxTable();
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        return modelBuilder;
    }

    /// <summary>
    /// Only <c>outbox_messages</c>: for a database that raises events but consumes none (Matching's shards), swept with
    /// <see cref="OutboxDispatcher"/> by the module that opens it.
    /// </summary>
    public static ModelBuilder AddOutboxTable(this ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
}
