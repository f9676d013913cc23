using Dating.Matching.Data;

namespace Dating.Matching.Shards;

/// <summary>
/// The shards of the swipes and the consistent-hash ring over them (the gateway's ring: virtual nodes, a stable hash),
/// built from the durable shard map, so every replica places a swiper on the same shard. The placement is swapped
/// whole when the map changes (a resharding), and read without a lock.
/// </summary>
/// <param name="moduleConnectionName">The module database's connection name: the one shard when none is configured.</param>
internal sealed class SwipeShards(string moduleConnectionName)
{
    private volatile ShardPlacement? _placement;
    private volatile bool _ready;
    private IReadOnlyDictionary<string, string> _connectionStrings = new Dictionary<string, string>();

    public string ModuleConnectionName => moduleConnectionName;

    /// <summary>This replica's name in <c>matching.shard_map_acks</c>: unique per process and host.</summary>
    public string ReplicaId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>The map is loaded and every shard migrated: the host may serve.</summary>
    public bool Ready => _ready;

    public ShardMap Map => Placement.Map;

    /// <summary>The current placement: take it once per operation.</summary>
    public ShardPlacement Placement => _placement ?? throw new InvalidOperationException("The shard map has not been loaded yet.");

    public void Use(ShardMap map, IReadOnlyDictionary<string, string> connectionStrings)
    {
        _placement = new ShardPlacement(map, connectionStrings);
        _connectionStrings = connectionStrings;
    }

    /// <summary>Moves to <paramref name="map"/> unless this replica already uses it or a later version.</summary>
    public void Use(ShardMap map)
    {
        if (map.Version > (_placement?.Map.Version ?? 0))
        {
            Use(map, _connectionStrings);
        }
    }

    public void MarkReady() => _ready = true;

    /// <summary>The shard the ring names for <paramref name="swiperId"/>.</summary>
    public string ShardOf(Guid swiperId) => Placement.OwnerOf(swiperId);

    public SwipeShardDbContext Open(string shard) => Placement.Open(shard);
}
