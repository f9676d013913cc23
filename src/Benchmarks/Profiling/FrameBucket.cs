namespace Dating.Benchmarks.Profiling;

/// <summary>
/// A readable group of frames (a library, our code, the runtime). A <see cref="Plumbing"/> bucket (tasks, collections,
/// strings, the runtime's helpers) serves whoever called it, so a sample there is charged to the nearest caller in a
/// named bucket.
/// </summary>
public sealed record FrameBucket(string Name, bool Plumbing);
