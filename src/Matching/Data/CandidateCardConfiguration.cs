using Dating.Matching.Candidates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dating.Matching.Data;

internal sealed class CandidateCardConfiguration : IEntityTypeConfiguration<CandidateCard>
{
    public void Configure(EntityTypeBuilder<CandidateCard> card)
    {
        card.ToTable("candidates");
        card.HasKey(c => c.UserId);
        card.Property(c => c.UserId).ValueGeneratedNever();
        card.Property(c => c.DisplayName).HasMaxLength(100);
        card.Property(c => c.Bio).HasMaxLength(1000);
        card.PrimitiveCollection(c => c.Interests);

        // The recommendation query's bounding box is a range on latitude, then on longitude.
        card.HasIndex(c => new { c.Latitude, c.Longitude });
    }
}
