using Dating.Matching.Swipes;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.Data;

/// <summary>
/// One shard of the swipes: the same table on every shard, each holding the swipes of the swipers the ring
/// places there. Its own schema, so that in the monolith the one shard shares the module's database untouched.
/// </summary>
internal sealed class SwipeShardDbContext(DbContextOptions<SwipeShardDbContext> options) : DbContext(options)
{
    /// <summary>The shard's tables (hand-written SQL names it too).</summary>
    public const string Schema = "matching_swipes";

    public DbSet<Swipe> Swipes => Set<Swipe>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        var swipe = modelBuilder.Entity<Swipe>();
        swipe.ToTable("swipes");

        // The sharding key leads: a swiper's swipes are one range scan on one shard.
        swipe.HasKey(s => new { s.SwiperId, s.TargetId });

        // Account deletion removes, on every shard, the swipes others made on the user.
        swipe.HasIndex(s => s.TargetId);
    }
}
