using Dating.BuildingBlocks.Messaging;
using Dating.Photos.Library;
using Microsoft.EntityFrameworkCore;

namespace Dating.Photos.Data;

internal sealed class PhotosDbContext(DbContextOptions<PhotosDbContext> options) : DbContext(options)
{
    /// <summary>Every table of this module lives here, so the monolith can share one database with other modules.</summary>
    public const string Schema = "photos";

    public DbSet<Photo> Photos => Set<Photo>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PhotosDbContext).Assembly);
        modelBuilder.AddMessagingTables();
    }
}
