using Dating.AppHost.Options;
using Dating.BuildingBlocks.Modules;

namespace Dating.AppHost.Hosting;

/// <summary>
/// Matching's swipe shards: each a PostgreSQL server of its own (not a schema of the shared one), its data under the
/// stack's data folder. Matching finds them by their connection names, <c>matching-shard-0</c>, <c>matching-shard-1</c>, …
/// (the server resources are named so too, so the dashboard's Stop and Start act on one shard).
/// </summary>
public static class SwipeShardServers
{
    private const int FirstDevelopmentPort = 5540;

    public static IReadOnlyList<IResourceBuilder<PostgresDatabaseResource>> AddSwipeShardServers(
        this IDistributedApplicationBuilder builder, int count, LocalPorts ports, LocalData data, IResourceBuilder<IResource> install)
    {
        var shards = new List<IResourceBuilder<PostgresDatabaseResource>>();
        for (var i = 0; i < count; i++)
        {
            var name = NameOf(i);
            var server = builder.AddPostgresServer(name, ports.Take(name, FirstDevelopmentPort + i), data).WaitForCompletion(install);
            shards.Add(server.AddDatabase(DatabaseResourceOf(name), "swipes"));
        }

        return shards;
    }

    /// <summary>The resource of the database on shard server <paramref name="shard"/> that holds its swipes.</summary>
    public static string DatabaseResourceOf(string shard) => $"{shard}-swipes";

    /// <summary>The shard's server resource and its connection name in Matching's configuration.</summary>
    public static string NameOf(int shard) => $"{ModuleCatalog.Matching.Database}-shard-{shard}";
}
