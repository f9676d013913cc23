using System.Globalization;
using System.Text;

namespace Dating.BuildingBlocks.Hashing;

/// <summary>
/// The design's first lesson, measured: when a node joins, consistent hashing moves only the newcomer's share,
/// a little from every old node; <c>hash mod N</c> reshuffles almost everything. A pure computation.
/// </summary>
public static class KeyMovementReport
{
    public const string ConsistentHashing = "consistent hashing";
    public const string HashModN = "hash mod N";

    public static IReadOnlyList<KeyMovement> Run(IEnumerable<int> nodeCounts, int keys = 100_000, int virtualNodes = ConsistentHashRing.DefaultVirtualNodes)
    {
        var userIds = UserIds(keys);
        return [.. nodeCounts.SelectMany(nodes => new[]
        {
            Measure(ConsistentHashing, nodes, userIds, (n, ids) => ConsistentOwners(n, ids, virtualNodes)),
            Measure(HashModN, nodes, userIds, ModNOwners),
        })];
    }

    public static string Markdown(IEnumerable<KeyMovement> movements)
    {
        var table = new StringBuilder()
            .AppendLine("| nodes | strategy | keys moved | ideal (1/N) | to the new node | between old nodes | each old node gave up |")
            .AppendLine("|---|---|---|---|---|---|---|");
        foreach (var m in movements)
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {m.NodesBefore}→{m.NodesAfter} | {m.Strategy} | {Percent(m.MovedShare)} | {Percent(m.IdealShare)} | {Percent(m.MovedToNewNode, m.Keys)} | {Percent(m.MovedBetweenOldNodes, m.Keys)} | {Percent(m.LeastGivenUpByOldNode)} to {Percent(m.MostGivenUpByOldNode)} |");
        }

        return table.ToString();
    }

    /// <summary>The node <c>hash mod N</c> places <paramref name="key"/> on: the same hash as the ring's, no ring.</summary>
    public static int ModNOwner(string key, int nodes) => (int)(StableHash.Of(key) % (ulong)nodes);

    /// <summary>User ids as the gateway sees them: random GUIDs, from a fixed seed so every run agrees.</summary>
    public static string[] UserIds(int count, int seed = 42)
    {
        var random = new Random(seed);
        var bytes = new byte[16];
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            random.NextBytes(bytes);
            return new Guid(bytes).ToString();
        })];
    }

    private static KeyMovement Measure(string strategy, int nodes, string[] keys, Func<int, string[], int[]> ownersWith)
    {
        var before = ownersWith(nodes, keys);
        var after = ownersWith(nodes + 1, keys);
        var toNew = 0;
        var between = 0;
        var givenUp = new int[nodes];
        for (var i = 0; i < keys.Length; i++)
        {
            if (before[i] == after[i])
            {
                continue;
            }

            givenUp[before[i]]++;
            if (after[i] == nodes)
            {
                toNew++;
            }
            else
            {
                between++;
            }
        }

        return new KeyMovement(strategy, nodes, keys.Length, toNew + between, toNew, between,
            (double)givenUp.Min() / keys.Length, (double)givenUp.Max() / keys.Length);
    }

    private static int[] ConsistentOwners(int nodes, string[] keys, int virtualNodes)
    {
        var names = Enumerable.Range(0, nodes).Select(NodeName).ToArray();
        var ring = ConsistentHashRing.Create(names, virtualNodes);
        var index = names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i);
        return [.. keys.Select(key => index[ring.OwnerOf(key)!])];
    }

    private static int[] ModNOwners(int nodes, string[] keys) => [.. keys.Select(key => ModNOwner(key, nodes))];

    private static string NodeName(int index) => $"node-{index}";

    private static string Percent(int count, int total) => Percent((double)count / total);

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
