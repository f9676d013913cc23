namespace Dating.Benchmarks.Profiling;

/// <summary>
/// The sample profiler samples every managed thread, busy or not. A thread in native code whose leaf managed frame
/// is a blocking wait (an idle thread-pool worker, the socket event loop in epoll, a sleep, a timer thread) is
/// waiting, not spending CPU; every other sample counts as CPU (a spin before blocking too: that is CPU).
/// The leaf is the first resolved frame: a P/Invoke's stub into the wait has no name.
/// </summary>
public static class WaitFrames
{
    private static readonly string[] BlockingLeaves =
    [
        "System.Threading.LowLevelLifoSemaphore.Wait",
        "System.Threading.LowLevelMonitor.Wait",
        "System.Threading.LowLevelLock.WaitAndAcquire",
        "System.Threading.WaitHandle.Wait",
        "System.Threading.WaitSubsystem",
        "System.Threading.Monitor.Wait",
        "System.Threading.ManualResetEventSlim.Wait",
        "System.Threading.SemaphoreSlim.Wait",
        "System.Threading.Monitor.ObjectWait",
        "System.Threading.Thread.Sleep",
        "System.Threading.Thread.Join",
        "Interop+Sys.WaitForSocketEvents",
        "System.Net.Sockets.SocketAsyncEngine.EventLoop",
        "Interop+Sys.LowLevelMonitor_Wait",
        "Interop+Sys.LowLevelMonitor_TimedWait",
        "Interop+Sys.WaitPid",
        "Interop+Sys.Poll",
        "Interop+Sys.ReadStdin",
        "Interop+Sys.SignalHandlerLoop",
    ];

    // A blocking read is a wait only where it waits for something to happen: file-system notifications, the console.
    private static readonly string[] BlockingReaders = ["System.IO.FileSystemWatcher", "System.ConsolePal", "System.IO.StdInReader"];

    public static bool IsWaiting(ThreadSample sample)
    {
        if (sample.InManagedCode || sample.Frames.Count == 0)
        {
            return false;
        }

        var leaf = sample.Frames.FirstOrDefault(f => !FrameBuckets.IsUnresolved(f))?.Method ?? "";
        if (BlockingLeaves.Any(b => leaf.StartsWith(b, StringComparison.Ordinal)))
        {
            return true;
        }

        return leaf.StartsWith("Interop+Sys.Read", StringComparison.Ordinal)
            && sample.Frames.Any(f => BlockingReaders.Any(r => f.Method.StartsWith(r, StringComparison.Ordinal)));
    }
}
