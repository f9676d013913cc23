using Dating.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dating.Matching.Data;

/// <summary>Lets <c>dotnet ef</c> build the shard model without a running host or database.</summary>
internal sealed class SwipeShardDbContextFactory : IDesignTimeDbContextFactory<SwipeShardDbContext>
{
    public SwipeShardDbContext CreateDbContext(string[] args) => new(SwipeShardOptions.For("Host=127.0.0.1;Database=matching_swipes;Username=postgres"));
}
