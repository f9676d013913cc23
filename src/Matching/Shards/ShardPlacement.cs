using Dating.BuildingBlocks.Hashing;
using Dating.Matching.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dating.Matching.Shards;

/// <summary>
/// One shard map version made usable: its ring (and while resharding the previous ring) and a context factory per shard.
/// Immutable; an operation takes one and uses it throughout, so a map swap in the middle cannot split it.
/// </summary>
internal sealed class ShardPlacement
{
    private readonly ConsistentHashRing _ring;
    private readonly ConsistentHashRing? _previousRing;
    private readonly IReadOnlyDictionary<string, DbContextOptions<SwipeShardDbContext>> _options;
    private readonly IReadOnlyDictionary<string, string> _connectionStrings;

    public ShardPlacement(ShardMap map, IReadOnlyDictionary<string, string> connectionStrings)
    {
        var missing = map.AllShards.Where(shard => !connectionStrings.ContainsKey(shard)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Shard map version {map.Version} names shards without a connection string: {string.Join(", ", missing)} (ConnectionStrings:{ShardConnections.Prefix}N).");
        }

        Map = map;
        _ring = ConsistentHashRing.Create(map.Shards, map.VirtualNodes);
        _previousRing = map.State == ShardMapState.Active || map.PreviousShards is null
            ? null
            : ConsistentHashRing.Create(map.PreviousShards, map.VirtualNodes);
        _connectionStrings = connectionStrings;
        _options = map.AllShards.ToDictionary(shard => shard, shard => SwipeShardOptions.For(connectionStrings[shard]), StringComparer.Ordinal);
    }

    public ShardMap Map { get; }

    /// <summary>The shard this version's ring names for <paramref name="swiperId"/> (after a resharding, its home).</summary>
    public string OwnerOf(Guid swiperId) => _ring.OwnerOf(swiperId.ToString())!;

    /// <summary>Where a new swipe of <paramref name="swiperId"/> goes, and the other shard that may hold their earlier decisions.</summary>
    public (string Write, string? Other) WriteShardsOf(Guid swiperId)
    {
        var owner = OwnerOf(swiperId);
        var previous = _previousRing?.OwnerOf(swiperId.ToString());
        if (previous is null || previous == owner)
        {
            return (owner, null);
        }

        return Map.State == ShardMapState.Preparing ? (previous, owner) : (owner, previous);
    }

    /// <summary>The shards holding <paramref name="swiperId"/>'s swipes: one, or both owners while resharding.</summary>
    public IEnumerable<string> ReadShardsOf(Guid swiperId)
    {
        var (write, other) = WriteShardsOf(swiperId);
        return other is null ? [write] : [write, other];
    }

    public SwipeShardDbContext Open(string shard) => new(_options[shard]);

    /// <summary>
    /// A context on <paramref name="shard"/> for work done beside <paramref name="module"/>'s. When the shard is the module's
    /// own database (one shard, no shard servers: the monolith), it runs on the module context's connection and in its
    /// transaction: a second connection taken from the same pool while the first is held lets concurrent swipes, each
    /// holding one and waiting for another, exhaust the pool. The statements then commit with the module's transaction.
    /// </summary>
    public SwipeShardDbContext Open(string shard, DbContext module)
    {
        if (_connectionStrings[shard] != module.Database.GetConnectionString())
        {
            return Open(shard);
        }

        var context = new SwipeShardDbContext(SwipeShardOptions.For(module.Database.GetDbConnection()));
        if (module.Database.CurrentTransaction is { } transaction)
        {
            context.Database.UseTransaction(transaction.GetDbTransaction());
        }

        return context;
    }
}
