using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dating.BuildingBlocks.Messaging;

// Names are explicit and snake_case: the dispatcher's raw SQL relies on them, with or without a naming convention.
internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public const string Table = "outbox_messages";

    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(m => m.Id).HasName("pk_outbox_messages");
        builder.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(m => m.Type).HasColumnName("type").HasMaxLength(200);
        builder.Property(m => m.Payload).HasColumnName("payload").HasColumnType("jsonb");
        builder.Property(m => m.TraceParent).HasColumnName("trace_parent").HasMaxLength(55);
        builder.Property(m => m.CreatedAt).HasColumnName("created_at");
        builder.Property(m => m.DispatchedAt).HasColumnName("dispatched_at");
        builder.Property(m => m.Attempts).HasColumnName("attempts");
        builder.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(2000);

        // The dispatcher only ever looks for pending rows, oldest first.
        builder.HasIndex(m => new { m.CreatedAt, m.Id })
            .HasDatabaseName("ix_outbox_messages_pending")
            .HasFilter("dispatched_at IS NULL");
        builder.HasIndex(m => m.DispatchedAt).HasDatabaseName("ix_outbox_messages_dispatched_at");
    }
}
