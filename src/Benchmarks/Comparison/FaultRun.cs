namespace Dating.Benchmarks.Comparison;

/// <summary>One step of the mixed session during the fault experiment: before and after the kill.</summary>
public sealed record FaultRun(string Topology, string Killed, string Step, int RequestsBefore, int ErrorsBefore, int RequestsAfter, int ErrorsAfter)
{
    public double ErrorRateBefore => RequestsBefore == 0 ? 0 : (double)ErrorsBefore / RequestsBefore;

    public double ErrorRateAfter => RequestsAfter == 0 ? 0 : (double)ErrorsAfter / RequestsAfter;
}
