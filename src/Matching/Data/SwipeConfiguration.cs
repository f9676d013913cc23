using Dating.Matching.Swipes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dating.Matching.Data;

internal sealed class SwipeConfiguration : IEntityTypeConfiguration<Swipe>
{
    public void Configure(EntityTypeBuilder<Swipe> swipe)
    {
        swipe.ToTable("swipes");
        swipe.HasKey(s => new { s.SwiperId, s.TargetId });

        // Account deletion removes the swipes others made on the user.
        swipe.HasIndex(s => s.TargetId);
    }
}
