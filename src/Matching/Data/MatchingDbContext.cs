using Dating.BuildingBlocks.Messaging;
using Dating.Matching.Blocks;
using Dating.Matching.Candidates;
using Dating.Matching.Shards;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.Data;

internal sealed class MatchingDbContext(DbContextOptions<MatchingDbContext> options) : DbContext(options)
{
    /// <summary>Every table of this module lives here (hand-written SQL names it too).</summary>
    public const string Schema = "matching";

    public DbSet<CandidateCard> Candidates => Set<CandidateCard>();

    public DbSet<PrimaryPhoto> PrimaryPhotos => Set<PrimaryPhoto>();

    public DbSet<DeletedUser> DeletedUsers => Set<DeletedUser>();

    /// <summary>The versions of the shards' map (the swipes and matches themselves are on the shards: <see cref="SwipeShardDbContext"/>).</summary>
    public DbSet<ShardMap> ShardMaps => Set<ShardMap>();

    /// <summary>Which map version each serving replica uses: a resharding waits for all of them.</summary>
    public DbSet<ReplicaAck> ReplicaAcks => Set<ReplicaAck>();

    public DbSet<Block> Blocks => Set<Block>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MatchingDbContext).Assembly);
        modelBuilder.AddMessagingTables();
    }
}
