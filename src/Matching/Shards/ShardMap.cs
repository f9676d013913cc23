namespace Dating.Matching.Shards;

/// <summary>
/// One version of the shard map: which shards the ring is built from. Stored in the module's own database, so every
/// replica builds the same ring; a resharding writes the next versions (preparing, migrating, active) instead of changing this one.
/// </summary>
internal sealed class ShardMap
{
    public int Version { get; set; }

    /// <summary>The shards' connection names (their addresses come from configuration, which differs per machine).</summary>
    public string[] Shards { get; set; } = [];

    public int VirtualNodes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public ShardMapState State { get; set; } = ShardMapState.Active;

    /// <summary>While a resharding runs: the shards of the map it started from (whose ring still names the old owners).</summary>
    public string[]? PreviousShards { get; set; }

    /// <summary>Every shard that may hold swipes under this version: the ring's, and while resharding the previous ring's too.</summary>
    public IReadOnlyList<string> AllShards => [.. Shards.Union(PreviousShards ?? []).Order(StringComparer.Ordinal)];
}
