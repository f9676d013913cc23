namespace Dating.BuildingBlocks.Hashing;

/// <summary>What happens to keys when one node joins <see cref="NodesBefore"/>: how many move, and where to.</summary>
/// <param name="Strategy">"consistent hashing" or "hash mod N".</param>
/// <param name="MovedToNewNode">Keys the newcomer took: the only moves there should be.</param>
/// <param name="MovedBetweenOldNodes">Keys that changed hands between old nodes: the cascade.</param>
/// <param name="LeastGivenUpByOldNode">Smallest share of all keys one old node lost.</param>
/// <param name="MostGivenUpByOldNode">Largest share of all keys one old node lost.</param>
public sealed record KeyMovement(
    string Strategy,
    int NodesBefore,
    int Keys,
    int Moved,
    int MovedToNewNode,
    int MovedBetweenOldNodes,
    double LeastGivenUpByOldNode,
    double MostGivenUpByOldNode)
{
    public int NodesAfter => NodesBefore + 1;

    public double MovedShare => (double)Moved / Keys;

    /// <summary>What a perfect scheme moves: exactly the newcomer's fair share.</summary>
    public double IdealShare => 1.0 / NodesAfter;
}
