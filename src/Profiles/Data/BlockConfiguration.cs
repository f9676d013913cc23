using Dating.Profiles.Blocks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dating.Profiles.Data;

internal sealed class BlockConfiguration : IEntityTypeConfiguration<Block>
{
    public void Configure(EntityTypeBuilder<Block> block)
    {
        block.ToTable("blocks");
        block.HasKey(b => new { b.BlockerId, b.BlockedId });

        // The other direction of the pair lookup, and deleting a user's blocks.
        block.HasIndex(b => b.BlockedId);
    }
}
