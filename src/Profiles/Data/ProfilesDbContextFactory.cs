using Dating.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dating.Profiles.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without a running host or database.</summary>
internal sealed class ProfilesDbContextFactory : IDesignTimeDbContextFactory<ProfilesDbContext>
{
    public ProfilesDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ProfilesDbContext>();
        options.UseModuleDatabase("Host=127.0.0.1;Database=profiles;Username=postgres", ProfilesDbContext.Schema);
        return new ProfilesDbContext(options.Options);
    }
}
