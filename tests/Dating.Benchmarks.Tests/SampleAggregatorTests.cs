using Dating.Benchmarks.Profiling;

namespace Dating.Benchmarks.Tests;

/// <summary>Which samples are CPU and which are waits, and how a process's samples add up into its profile.</summary>
public sealed class SampleAggregatorTests
{
    private static readonly StackFrame Stub = new("", "?");
    private static readonly StackFrame EventLoop = new("System.Net.Sockets", "System.Net.Sockets.SocketAsyncEngine.EventLoop()");
    private static readonly StackFrame IdleWorker = new("System.Private.CoreLib", "System.Threading.LowLevelLifoSemaphore.WaitForSignal(int32)");
    private static readonly StackFrame Dispatch = new("System.Private.CoreLib", "System.Threading.ThreadPoolWorkQueue.Dispatch()");
    private static readonly StackFrame Memmove = new("System.Private.CoreLib", "System.Buffer.Memmove(unsigned int8&,unsigned int8&,unsigned int)");
    private static readonly StackFrame Json = new("System.Text.Json", "System.Text.Json.Utf8JsonWriter.Flush()");
    private static readonly StackFrame Npgsql = new("Npgsql", "Npgsql.Internal.NpgsqlReadBuffer.Ensure(int32)");
    private static readonly StackFrame Endpoint = new("Dating.Profiles", "Dating.Profiles.Api.ProfileEndpoints.Get()");

    [Fact]
    public void A_thread_blocked_in_a_wait_is_waiting_even_behind_an_unnamed_stub()
    {
        WaitFrames.IsWaiting(new ThreadSample(false, [IdleWorker, Dispatch])).ShouldBeTrue();
        WaitFrames.IsWaiting(new ThreadSample(false, [Stub, EventLoop])).ShouldBeTrue();
    }

    [Fact]
    public void Managed_code_and_native_calls_that_are_not_waits_are_cpu()
    {
        // The same frames running managed code are work, not a wait.
        WaitFrames.IsWaiting(new ThreadSample(true, [EventLoop])).ShouldBeFalse();
        WaitFrames.IsWaiting(new ThreadSample(false, [Npgsql, Endpoint])).ShouldBeFalse();
        WaitFrames.IsWaiting(new ThreadSample(false, [new StackFrame("System.Private.CoreLib", "Interop+Sys.Read(int)"), Npgsql])).ShouldBeFalse();
    }

    [Fact]
    public void A_blocking_read_of_file_system_notifications_is_a_wait()
    {
        var read = new StackFrame("System.Private.CoreLib", "Interop+Sys.Read(class System.Runtime.InteropServices.SafeHandle,unsigned int8*,int32)");
        var watcher = new StackFrame("System.IO.FileSystem.Watcher", "System.IO.FileSystemWatcher+RunningInstance.ProcessEvents()");
        WaitFrames.IsWaiting(new ThreadSample(false, [read, watcher])).ShouldBeTrue();
    }

    [Fact]
    public void The_profile_counts_cpu_samples_per_component_leaf_and_inclusive_method()
    {
        var aggregator = new SampleAggregator("profiles");
        for (var i = 0; i < 3; i++)
        {
            aggregator.Add(new ThreadSample(true, [Memmove, Json, Endpoint, Dispatch]), threadId: 1);
        }

        aggregator.Add(new ThreadSample(false, [Npgsql, Endpoint, Dispatch]), threadId: 2);
        for (var i = 0; i < 10; i++)
        {
            aggregator.Add(new ThreadSample(false, [IdleWorker, Dispatch]), threadId: 3);
        }

        aggregator.Add(new ThreadSample(true, []), threadId: 4);
        aggregator.AddRuntimeEvent(TraceReader.GcStarted);

        var profile = aggregator.Build();

        profile.Samples.ShouldBe(14);
        profile.CpuSamples.ShouldBe(4);
        profile.WaitingSamples.ShouldBe(10);
        profile.Threads.ShouldBe(3);
        profile.BusyThreads.ShouldBe(0.4); // 4 CPU samples over 10 ticks (thread 3 was sampled at every one)
        profile.Components.Single(c => c.Component == FrameBuckets.Json.Name).Exclusive.ShouldBe(3);
        profile.Components.Single(c => c.Component == FrameBuckets.Npgsql.Name).Exclusive.ShouldBe(1);
        var ours = profile.Components.Single(c => c.Component == FrameBuckets.OurCode.Name);
        ours.Exclusive.ShouldBe(0);
        ours.Inclusive.ShouldBe(4);
        profile.Share(ours.Inclusive).ShouldBe(1.0);
        profile.TopExclusive[0].ShouldBe(new MethodCount("System.Buffer.Memmove", FrameBuckets.BaseLibrary.Name, 3));
        profile.TopInclusive.ShouldContain(new MethodCount("Dating.Profiles.Api.ProfileEndpoints.Get", FrameBuckets.OurCode.Name, 4));
        profile.TopInclusive.ShouldNotContain(m => m.Method.StartsWith("System.Threading", StringComparison.Ordinal));
        profile.TopWaits.Single().ShouldBe(new MethodCount("System.Threading.LowLevelLifoSemaphore.WaitForSignal", FrameBuckets.ThreadPoolIdle.Name, 10));
        profile.RuntimeEvents[TraceReader.GcStarted].ShouldBe(1);
    }

    [Fact]
    public void A_leaf_behind_a_stub_is_named_by_the_first_named_frame()
    {
        var aggregator = new SampleAggregator("gateway");
        aggregator.Add(new ThreadSample(false, [Stub, Npgsql, Endpoint]));

        aggregator.Build().TopExclusive.Single().Method.ShouldBe("Npgsql.Internal.NpgsqlReadBuffer.Ensure → native");
    }
}
