namespace Dating.Matching.Shards;

/// <summary><c>Matching:Shards</c>: how the replicas follow the shard map.</summary>
internal sealed class ShardMapOptions
{
    public const string SectionName = "Matching:Shards";

    /// <summary>How often a replica looks for a new map version and records its heartbeat; a resharding waits about this long per step.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The shards of version 1 when the first replica writes it; empty: every configured shard (the others join by <c>shards add</c>).</summary>
    public string[] FirstMap { get; set; } = [];
}
