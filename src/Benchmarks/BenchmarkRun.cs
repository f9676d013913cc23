using Dating.AppHost.Options;
using Dating.Benchmarks.Comparison;

namespace Dating.Benchmarks;

/// <summary>
/// What a command line asks for: a benchmark (its verb) and its options; the topologies are compare's and faults', the
/// compare options compare's (and their variants profiles' too), and high availability (the stack under <c>--ha</c>) faults' and matching's.
/// </summary>
public sealed record BenchmarkRun(string Benchmark, bool Quick, IReadOnlyList<Topology> Topologies, CompareOptions Compare, bool HighAvailability = false);
