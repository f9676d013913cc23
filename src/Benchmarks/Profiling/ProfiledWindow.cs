using Dating.Benchmarks.Load;

namespace Dating.Benchmarks.Profiling;

/// <summary>
/// A window recorded with EventPipe on every process of a topology (an extra pass, never one of the measured runs):
/// what ran (operations and errors, none at rest), the CPU the processes used meanwhile, and one trace per process.
/// </summary>
public sealed record ProfiledWindow(string Topology, string Window, double Seconds, long Operations, int Errors, ResourceUsage Resources, IReadOnlyList<ProcessTrace> Traces);

/// <summary>The trace of one process: the service it runs and the <c>.nettrace</c> file.</summary>
public sealed record ProcessTrace(string Name, int Pid, string File);
