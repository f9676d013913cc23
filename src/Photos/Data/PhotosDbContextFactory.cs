using Dating.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dating.Photos.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without a running host or database.</summary>
internal sealed class PhotosDbContextFactory : IDesignTimeDbContextFactory<PhotosDbContext>
{
    public PhotosDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PhotosDbContext>();
        options.UseModuleDatabase("Host=127.0.0.1;Database=photos;Username=postgres", PhotosDbContext.Schema);
        return new PhotosDbContext(options.Options);
    }
}
