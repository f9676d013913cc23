using Dating.Chat.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dating.Chat.Data;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> conversation)
    {
        conversation.ToTable("conversations");
        conversation.HasKey(c => c.MatchId);
        conversation.Property(c => c.MatchId).ValueGeneratedNever();
        conversation.Ignore(c => c.IsOpen);
        conversation.HasIndex(c => c.UserA);
        conversation.HasIndex(c => c.UserB);
    }
}
