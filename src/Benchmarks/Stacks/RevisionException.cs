namespace Dating.Benchmarks.Stacks;

/// <summary>A variant's revision that cannot be run: git does not know it, or it does not build. The run stops before any stack starts.</summary>
public sealed class RevisionException(string message) : Exception(message);
