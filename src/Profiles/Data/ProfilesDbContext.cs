using Dating.BuildingBlocks.Messaging;
using Dating.Profiles.Accounts;
using Dating.Profiles.Blocks;
using Dating.Profiles.Photos;
using Dating.Profiles.ProfileManagement;
using Microsoft.EntityFrameworkCore;

namespace Dating.Profiles.Data;

internal sealed class ProfilesDbContext(DbContextOptions<ProfilesDbContext> options) : DbContext(options)
{
    /// <summary>Every table of this module lives here, so the monolith can share one database with other modules.</summary>
    public const string Schema = "profiles";

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<Profile> Profiles => Set<Profile>();

    public DbSet<Block> Blocks => Set<Block>();

    public DbSet<ProfilePhoto> ProfilePhotos => Set<ProfilePhoto>();

    public DbSet<PrimaryPhoto> PrimaryPhotos => Set<PrimaryPhoto>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ProfilesDbContext).Assembly);
        modelBuilder.AddMessagingTables();
    }
}
