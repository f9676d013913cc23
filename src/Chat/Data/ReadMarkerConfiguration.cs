using Dating.Chat.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dating.Chat.Data;

internal sealed class ReadMarkerConfiguration : IEntityTypeConfiguration<ReadMarker>
{
    public void Configure(EntityTypeBuilder<ReadMarker> marker)
    {
        marker.ToTable("read_markers");
        marker.HasKey(r => new { r.MatchId, r.UserId });
        marker.HasIndex(r => r.UserId);
        marker.HasOne<Conversation>().WithMany().HasForeignKey(r => r.MatchId).OnDelete(DeleteBehavior.Cascade);
    }
}
