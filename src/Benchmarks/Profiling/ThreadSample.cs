namespace Dating.Benchmarks.Profiling;

/// <summary>
/// One sample of one thread by the runtime's sample profiler: its managed frames, leaf first, and whether the thread
/// was running managed code (else it was in native code: a system call, a wait, the GC or the JIT).
/// </summary>
public sealed record ThreadSample(bool InManagedCode, IReadOnlyList<StackFrame> Frames);
