using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dating.BuildingBlocks.Messaging;

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public const string Table = "inbox_messages";

    // IdempotentConsumer recognises a concurrent duplicate by this constraint's name.
    public const string PrimaryKey = "pk_inbox_messages";

    public void Configure(EntityTypeBuilder<InboxMessage> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(m => new { m.MessageId, m.Consumer }).HasName(PrimaryKey);
        builder.Property(m => m.MessageId).HasColumnName("message_id");
        builder.Property(m => m.Consumer).HasColumnName("consumer").HasMaxLength(200);
        builder.Property(m => m.ProcessedAt).HasColumnName("processed_at");
        builder.HasIndex(m => m.ProcessedAt).HasDatabaseName("ix_inbox_messages_processed_at");
    }
}
