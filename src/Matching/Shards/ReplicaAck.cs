namespace Dating.Matching.Shards;

/// <summary>A serving replica's heartbeat: the shard map version it uses, as of <see cref="SeenAt"/> (the database's clock).</summary>
internal sealed class ReplicaAck
{
    public required string Replica { get; set; }

    public int Version { get; set; }

    public DateTimeOffset SeenAt { get; set; }
}
