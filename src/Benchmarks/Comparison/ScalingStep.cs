namespace Dating.Benchmarks.Comparison;

/// <summary>
/// One stack of the scaling experiment, per topology: confined to fewer CPUs (<paramref name="Variant"/>, scaling up
/// backwards) or on the machine's all, with 1 or 2 replicas (scaling out).
/// </summary>
public sealed record ScalingStep(RuntimeVariant? Variant, int Replicas)
{
    /// <summary>1 CPU with 1 replica, the machine with 1 replica (the baseline), the machine with 2 replicas.</summary>
    public static IReadOnlyList<ScalingStep> All { get; } = [new(RuntimeVariant.OneCpu, 1), new(null, 1), new(null, 2)];

    public int Cpus => Variant?.Cpus ?? Environment.ProcessorCount;

    /// <summary>The stack as it ships, which the other steps are set against.</summary>
    public bool IsBaseline => Variant is null && Replicas == 1;

    /// <summary>The topology's label in the runs (a confined stack runs as its variant).</summary>
    public string Label(string topology) => Variant?.Label(topology) ?? topology;

    public string Title => $"{Cpus} CPU{(Cpus == 1 ? "" : "s")}, {Replicas} replica{(Replicas == 1 ? "" : "s")}";
}
