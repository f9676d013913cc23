using Dating.Matching.Shards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dating.Matching.Data;

internal sealed class ReplicaAckConfiguration : IEntityTypeConfiguration<ReplicaAck>
{
    public void Configure(EntityTypeBuilder<ReplicaAck> ack)
    {
        ack.ToTable("shard_map_acks");
        ack.HasKey(a => a.Replica);
    }
}
