namespace Dating.Benchmarks.Load;

/// <summary>One of the topology's processes, by the service it runs (replicas of one service share the name).</summary>
public sealed record MeteredProcess(string Name, int Pid);
