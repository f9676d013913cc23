using Dating.Chat.Conversations;
using Dating.Chat.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dating.Chat.Data;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    /// <summary>A retried send meets the first one here.</summary>
    public const string ClientMessageIdIndex = "ux_messages_sender_client_message_id";

    public void Configure(EntityTypeBuilder<Message> message)
    {
        message.ToTable("messages");
        message.HasKey(m => m.Id);
        message.Property(m => m.Id).ValueGeneratedNever();
        message.Property(m => m.Text).HasMaxLength(Message.MaxTextLength);
        message.Property(m => m.ClientMessageId).HasMaxLength(Message.MaxClientMessageIdLength);
        message.HasOne<Conversation>().WithMany().HasForeignKey(m => m.MatchId).OnDelete(DeleteBehavior.Cascade);

        // History pages walk this index backwards: WHERE match_id = @m AND (sent_at, id) < (@at, @id).
        message.HasIndex(m => new { m.MatchId, m.SentAt, m.Id }).HasDatabaseName("ix_messages_match_sent_at_id");
        message.HasIndex(m => new { m.SenderId, m.ClientMessageId })
            .IsUnique()
            .HasFilter("client_message_id IS NOT NULL")
            .HasDatabaseName(ClientMessageIdIndex);
    }
}
