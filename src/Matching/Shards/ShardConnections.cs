using Microsoft.Extensions.Configuration;

namespace Dating.Matching.Shards;

/// <summary>Where each shard is: connection strings named <c>matching-shard-0</c>, <c>matching-shard-1</c>, … (the app host passes one per shard server).</summary>
internal static class ShardConnections
{
    public const string Prefix = "matching-shard-";

    /// <summary>Every configured shard's connection string by its name; without any, the one shard is the module's own database.</summary>
    public static IReadOnlyDictionary<string, string> From(IConfiguration configuration, string moduleConnectionName)
    {
        var shards = configuration.GetSection("ConnectionStrings").GetChildren()
            .Where(c => c.Key.StartsWith(Prefix, StringComparison.Ordinal) && !string.IsNullOrEmpty(c.Value))
            .ToDictionary(c => c.Key, c => c.Value!, StringComparer.Ordinal);
        if (shards.Count > 0)
        {
            return shards;
        }

        // The monolith (and a service started without shard servers) keeps its one shard in the module's database, in the shard schema.
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [moduleConnectionName] = configuration.GetConnectionString(moduleConnectionName)
                ?? throw new InvalidOperationException($"ConnectionStrings:{moduleConnectionName} is not configured."),
        };
    }
}
