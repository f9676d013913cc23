using Dating.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dating.Matching.Data;

/// <summary>Lets <c>dotnet ef</c> build the model without a running host or database.</summary>
internal sealed class MatchingDbContextFactory : IDesignTimeDbContextFactory<MatchingDbContext>
{
    public MatchingDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<MatchingDbContext>();
        options.UseModuleDatabase("Host=127.0.0.1;Database=matching;Username=postgres", MatchingDbContext.Schema);
        return new MatchingDbContext(options.Options);
    }
}
