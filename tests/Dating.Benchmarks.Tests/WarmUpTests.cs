using Dating.Benchmarks.Load;

namespace Dating.Benchmarks.Tests;

/// <summary>When the warm-up stops: the tiered JIT's threads' share of all the services' CPU in a step.</summary>
public sealed class WarmUpTests
{
    [Fact]
    public void The_jit_share_is_the_jit_threads_cpu_of_every_process_over_the_services_cpu()
    {
        var step = new ResourceUsage(10, 500, 3, 200,
        [
            new ProcessUsage("chat", 6, [new ThreadCpu(ThreadKinds.ThreadPool, 4.5), new ThreadCpu(ThreadKinds.Jit, 1.5)]),
            new ProcessUsage("matching", 4, [new ThreadCpu(ThreadKinds.ThreadPool, 3.5), new ThreadCpu(ThreadKinds.Jit, 0.5)]),
        ]);

        WarmUp.JitShare(step).ShouldBe(0.2, 1e-9); // (1.5 + 0.5) / 10; the backing servers' 3 s are not the services'
    }

    [Fact]
    public void A_step_without_jit_or_without_cpu_is_warm()
    {
        WarmUp.JitShare(new ResourceUsage(2, 500, 1, 200, [new ProcessUsage("chat", 2, [new ThreadCpu(ThreadKinds.ThreadPool, 2)])])).ShouldBe(0);
        WarmUp.JitShare(new ResourceUsage(0, 500, 0, 200, [])).ShouldBe(0);
    }
}
