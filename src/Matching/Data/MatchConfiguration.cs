using Dating.Matching.Matches;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dating.Matching.Data;

internal sealed class MatchConfiguration : IEntityTypeConfiguration<Match>
{
    public const string PairIndex = "ux_matches_pair";

    public void Configure(EntityTypeBuilder<Match> match)
    {
        match.ToTable("matches", table => table.HasCheckConstraint("ck_matches_ordered_pair", "user_a < user_b"));
        match.HasKey(m => m.Id);
        match.Property(m => m.Id).ValueGeneratedNever();
        match.Property(m => m.EndReason).HasConversion<string>().HasMaxLength(32);

        // One match per pair, ever: concurrent mutual likes meet here (INSERT ... ON CONFLICT DO NOTHING).
        match.HasIndex(m => new { m.UserA, m.UserB }).IsUnique().HasDatabaseName(PairIndex);
        match.HasIndex(m => m.UserB);
    }
}
