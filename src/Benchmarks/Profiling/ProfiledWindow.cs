using Dating.Benchmarks.Load;

namespace Dating.Benchmarks.Profiling;

/// <summary>
/// A window recorded with EventPipe on every process of a topology (an extra pass, never one of the measured runs):
/// what ran (operations and errors, none at rest), the CPU the processes used meanwhile, and one trace per process.
/// <see cref="Window"/> is <see cref="TopologyProfiler.AtRest"/> or the name of the scenario it repeats.
/// </summary>
public sealed record ProfiledWindow(string Topology, string Window, double Seconds, long Operations, int Errors, ResourceUsage Resources, IReadOnlyList<ProcessTrace> Traces)
{
    /// <summary>One operation of the window, in the report's words ("CPU ms per session"); empty at rest.</summary>
    public required string Unit { get; init; }

    public bool AtRest => Window == TopologyProfiler.AtRest;
}

/// <summary>The trace of one process: the service it runs and the <c>.nettrace</c> file.</summary>
public sealed record ProcessTrace(string Name, int Pid, string File);
