using Dating.BuildingBlocks.Messaging;
using Dating.Matching.Matches;
using Dating.Matching.Swipes;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.Data;

/// <summary>
/// One shard of matching's data: the same tables on every shard, each holding the swipes of the swipers the ring places
/// there and the matches whose first user (<see cref="Match.UserA"/>) it places there, with the outbox their events go
/// to in the same commit. Its own schema, so that in the monolith the one shard shares the module's database untouched.
/// </summary>
internal sealed class SwipeShardDbContext(DbContextOptions<SwipeShardDbContext> options) : DbContext(options)
{
    /// <summary>The shard's tables (hand-written SQL names it too).</summary>
    public const string Schema = "matching_swipes";

    public DbSet<Swipe> Swipes => Set<Swipe>();

    public DbSet<Match> Matches => Set<Match>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        var swipe = modelBuilder.Entity<Swipe>();
        swipe.ToTable("swipes");

        // The sharding key leads: a swiper's swipes are one range scan on one shard.
        swipe.HasKey(s => new { s.SwiperId, s.TargetId });

        // Account deletion removes, on every shard, the swipes others made on the user.
        swipe.HasIndex(s => s.TargetId);

        var match = modelBuilder.Entity<Match>();
        match.ToTable("matches", table => table.HasCheckConstraint("ck_matches_ordered_pair", "user_a < user_b"));
        match.HasKey(m => m.Id);
        match.Property(m => m.Id).ValueGeneratedNever();
        match.Property(m => m.EndReason).HasConversion<string>().HasMaxLength(32);

        // One match per pair, ever: concurrent mutual likes meet here (INSERT ... ON CONFLICT DO NOTHING). The pair's
        // shard is user_a's, so the pair is always on one shard and the index sees both likes.
        match.HasIndex(m => new { m.UserA, m.UserB }).IsUnique().HasDatabaseName("ux_matches_pair");

        // "My matches" asks every shard for the user as user_b.
        match.HasIndex(m => m.UserB);

        // Match events commit with the match row, on this shard; Matching sweeps every shard's outbox.
        modelBuilder.AddOutboxTable();
    }
}
