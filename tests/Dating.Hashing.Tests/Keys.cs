using Dating.BuildingBlocks.Hashing;

namespace Dating.Hashing.Tests;

internal static class Keys
{
    /// <summary>User ids, as the gateway sees them: random GUIDs, from a fixed seed so a run repeats.</summary>
    public static string[] UserIds(int count, int seed = 42) => KeyMovementReport.UserIds(count, seed);

    public static string[] Nodes(int count) => [.. Enumerable.Range(0, count).Select(i => $"matching/http/{i}")];

    public static string[] OwnersOf(this ConsistentHashRing ring, IReadOnlyList<string> keys) =>
        [.. keys.Select(key => ring.OwnerOf(key) ?? throw new InvalidOperationException("The ring is empty."))];
}
