using Dating.BuildingBlocks.Hashing;
using Dating.Matching.Data;
using Microsoft.EntityFrameworkCore;

namespace Dating.Matching.Shards;

/// <summary>
/// The shards of the swipes and the consistent-hash ring over them (the gateway's ring: virtual nodes, a stable hash),
/// built from the durable shard map, so every replica places a swiper on the same shard. Swapped whole, read without a lock.
/// </summary>
/// <param name="moduleConnectionName">The module database's connection name: the one shard when none is configured.</param>
internal sealed class SwipeShards(string moduleConnectionName)
{
    private volatile Placement? _placement;
    private volatile bool _ready;

    public string ModuleConnectionName => moduleConnectionName;

    /// <summary>The map is loaded and every shard migrated: the host may serve.</summary>
    public bool Ready => _ready;

    public ShardMap Map => Current.Map;

    public void Use(ShardMap map, IReadOnlyDictionary<string, string> connectionStrings)
    {
        var missing = map.Shards.Where(shard => !connectionStrings.ContainsKey(shard)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Shard map version {map.Version} names shards without a connection string: {string.Join(", ", missing)} (ConnectionStrings:{ShardConnections.Prefix}N).");
        }

        _placement = new Placement(
            map,
            ConsistentHashRing.Create(map.Shards, map.VirtualNodes),
            map.Shards.ToDictionary(shard => shard, shard => SwipeShardOptions.For(connectionStrings[shard]), StringComparer.Ordinal));
    }

    public void MarkReady() => _ready = true;

    /// <summary>The shard that holds <paramref name="swiperId"/>'s swipes.</summary>
    public string ShardOf(Guid swiperId) => Current.Ring.OwnerOf(swiperId.ToString())!;

    /// <summary>A context on the shard of <paramref name="swiperId"/>; the caller disposes it.</summary>
    public SwipeShardDbContext OpenFor(Guid swiperId) => Open(ShardOf(swiperId));

    public SwipeShardDbContext Open(string shard) => new(Current.Options[shard]);

    private Placement Current => _placement ?? throw new InvalidOperationException("The shard map has not been loaded yet.");

    private sealed record Placement(ShardMap Map, ConsistentHashRing Ring, IReadOnlyDictionary<string, DbContextOptions<SwipeShardDbContext>> Options);
}
