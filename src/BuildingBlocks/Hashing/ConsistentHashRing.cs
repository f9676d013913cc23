namespace Dating.BuildingBlocks.Hashing;

/// <summary>
/// A consistent-hash ring: every node sits at <see cref="VirtualNodes"/> pseudo-random points of a 64-bit
/// circle, and a key belongs to the node of the first point at or after the key's hash. Adding a node takes
/// about 1/N of the keys, a little from every other node; removing one hands back only its own keys.
/// Immutable: <see cref="Add"/> and <see cref="Remove"/> return a new ring, so lookups need no lock.
/// </summary>
public sealed class ConsistentHashRing
{
    /// <summary>Enough points per node that each node's share stays within a few percent of 1/N.</summary>
    public const int DefaultVirtualNodes = 1024;

    private const int StackallocNodeLimit = 128;

    private readonly string[] _nodes;
    private readonly ulong[] _points;
    private readonly int[] _owners;

    private ConsistentHashRing(string[] nodes, int virtualNodes)
    {
        _nodes = nodes;
        VirtualNodes = virtualNodes;
        (_points, _owners) = Place(nodes, virtualNodes);
    }

    /// <summary>Points per node on the circle.</summary>
    public int VirtualNodes { get; }

    /// <summary>The nodes, in ordinal order.</summary>
    public IReadOnlyList<string> Nodes => _nodes;

    public int Count => _nodes.Length;

    public static ConsistentHashRing Create(IEnumerable<string> nodes, int virtualNodes = DefaultVirtualNodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentOutOfRangeException.ThrowIfLessThan(virtualNodes, 1);
        var distinct = nodes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (distinct.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("A node needs a non-empty name.", nameof(nodes));
        }

        return new ConsistentHashRing(distinct, virtualNodes);
    }

    public bool Contains(string node) => Array.BinarySearch(_nodes, node, StringComparer.Ordinal) >= 0;

    /// <summary>A ring with <paramref name="node"/> too (this ring if it is already there).</summary>
    public ConsistentHashRing Add(string node) => Contains(node) ? this : Create(_nodes.Append(node), VirtualNodes);

    /// <summary>A ring without <paramref name="node"/> (this ring if it is not there).</summary>
    public ConsistentHashRing Remove(string node) =>
        Contains(node) ? Create(_nodes.Where(n => !string.Equals(n, node, StringComparison.Ordinal)), VirtualNodes) : this;

    /// <summary>The node that owns <paramref name="key"/>; null when the ring is empty.</summary>
    public string? OwnerOf(string key) => OwnerOf(StableHash.Of(key), 0, static (_, _) => true);

    /// <summary>
    /// The first node clockwise from <paramref name="key"/> that is available: its owner when that is
    /// available, otherwise the node that would own it were the owner removed. So while a node is out only
    /// its keys move, and they come back when it returns. Null when no node is available.
    /// </summary>
    public string? OwnerOf(string key, Func<string, bool> isAvailable) =>
        OwnerOf(StableHash.Of(key), isAvailable, static (node, available) => available(node));

    /// <inheritdoc cref="OwnerOf(string, Func{string, bool})"/>
    public string? OwnerOf<TState>(string key, TState state, Func<string, TState, bool> isAvailable) =>
        OwnerOf(StableHash.Of(key), state, isAvailable);

    /// <inheritdoc cref="OwnerOf(string, Func{string, bool})"/>
    public string? OwnerOf<TState>(ulong keyHash, TState state, Func<string, TState, bool> isAvailable)
    {
        ArgumentNullException.ThrowIfNull(isAvailable);
        if (_nodes.Length == 0)
        {
            return null;
        }

        Span<bool> tried = _nodes.Length <= StackallocNodeLimit ? stackalloc bool[_nodes.Length] : new bool[_nodes.Length];
        var untried = _nodes.Length;
        var point = FirstPointAtOrAfter(keyHash);
        for (var step = 0; step < _points.Length && untried > 0; step++, point = point + 1 == _points.Length ? 0 : point + 1)
        {
            var owner = _owners[point];
            if (tried[owner])
            {
                continue;
            }

            if (isAvailable(_nodes[owner], state))
            {
                return _nodes[owner];
            }

            tried[owner] = true;
            untried--;
        }

        return null;
    }

    // Lower bound by binary search; past the last point the circle wraps to the first.
    private int FirstPointAtOrAfter(ulong hash)
    {
        int low = 0, high = _points.Length;
        while (low < high)
        {
            var middle = low + ((high - low) >> 1);
            if (_points[middle] < hash)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low == _points.Length ? 0 : low;
    }

    private static (ulong[] Points, int[] Owners) Place(string[] nodes, int virtualNodes)
    {
        var placed = new (ulong Point, int Owner)[nodes.Length * virtualNodes];
        for (var node = 0; node < nodes.Length; node++)
        {
            for (var replica = 0; replica < virtualNodes; replica++)
            {
                placed[(node * virtualNodes) + replica] = (StableHash.Of($"{nodes[node]}#{replica}"), node);
            }
        }

        // Ties (astronomically rare) are broken by node name, so every process builds the same ring.
        Array.Sort(placed);
        return (placed.Select(p => p.Point).ToArray(), placed.Select(p => p.Owner).ToArray());
    }
}
