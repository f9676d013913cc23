using System.Data.Common;
using Dating.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.Data;

internal static class SwipeShardOptions
{
    /// <summary>A shard's provider options: the module's conventions, the shard's schema (runtime and <c>dotnet ef</c> agree).</summary>
    public static DbContextOptions<SwipeShardDbContext> For(string connectionString) =>
        (DbContextOptions<SwipeShardDbContext>)new DbContextOptionsBuilder<SwipeShardDbContext>()
            .UseModuleDatabase(connectionString, SwipeShardDbContext.Schema)
            .Options;

    /// <summary>The same on a connection the module's context holds: the one shard when it lives in the module's database.</summary>
    public static DbContextOptions<SwipeShardDbContext> For(DbConnection connection) =>
        (DbContextOptions<SwipeShardDbContext>)new DbContextOptionsBuilder<SwipeShardDbContext>()
            .UseModuleDatabase(connection, SwipeShardDbContext.Schema)
            .Options;
}
