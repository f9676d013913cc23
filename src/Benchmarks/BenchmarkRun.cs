using Dating.AppHost.Options;
using Dating.Benchmarks.Comparison;

namespace Dating.Benchmarks;

/// <summary>What a command line asks for: a benchmark (its verb) and its options; the topologies and compare options are compare's.</summary>
public sealed record BenchmarkRun(string Benchmark, bool Quick, IReadOnlyList<Topology> Topologies, CompareOptions Compare);
