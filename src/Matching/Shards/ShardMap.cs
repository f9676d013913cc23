namespace Dating.Matching.Shards;

/// <summary>
/// One version of the shard map: which shards the ring is built from. Stored in the module's own database, so every
/// replica builds the same ring; a resharding writes the next version instead of changing this one.
/// </summary>
internal sealed class ShardMap
{
    public int Version { get; set; }

    /// <summary>The shards' connection names (their addresses come from configuration, which differs per machine).</summary>
    public string[] Shards { get; set; } = [];

    public int VirtualNodes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
