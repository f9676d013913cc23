namespace Dating.Benchmarks.Load;

/// <summary>
/// When a stack is warm: the tiered JIT has caught up with the load. A .NET method is compiled quickly first and
/// recompiled optimized (through an instrumented tier, with dynamic PGO) only after it has been called often enough, on
/// the JIT's one background thread. A few seconds of load leave thousands of methods waiting for that, and a
/// measurement that starts then pays for their compilation: five processes compile the same framework code five times,
/// so the microservices pay it more. Measured on the stack (a 5 s warm-up): 13 % of matching's and 23 % of chat's CPU in
/// the 30 s that followed was that thread's, and an EventPipe trace of the window saw about 3,000 methods reach their
/// optimized tier in chat, against 30 compiled for the first time. A running system pays it once per process start.
/// </summary>
public static class WarmUp
{
    /// <summary>The tiered JIT's threads' share of the services' CPU in <paramref name="step"/> (0 when they used none).</summary>
    public static double JitShare(ResourceUsage step)
    {
        var jit = step.PerProcess.Sum(p => p.Threads.CpuOf(ThreadKinds.Jit));
        return step.ServiceCpuSeconds <= 0 ? 0 : jit / step.ServiceCpuSeconds;
    }
}
