using Dating.Matching.Shards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dating.Matching.Data;

internal sealed class ShardMapConfiguration : IEntityTypeConfiguration<ShardMap>
{
    public void Configure(EntityTypeBuilder<ShardMap> map)
    {
        map.ToTable("shard_maps");
        map.HasKey(m => m.Version);
        map.Property(m => m.Version).ValueGeneratedNever();
        map.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
        map.Ignore(m => m.AllShards);
    }
}
