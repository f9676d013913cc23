namespace Dating.Benchmarks.Load;

/// <summary>
/// What a .NET thread does, from its name in <c>/proc/&lt;pid&gt;/task/&lt;tid&gt;/comm</c> (the runtime names its
/// threads; Linux keeps the first 15 characters): the JIT's background worker, the GC, the thread pool, the socket
/// event loop and so on.
/// </summary>
public static class ThreadKinds
{
    public const string ThreadPool = "thread pool workers";
    public const string Jit = "JIT (tiered compilation worker)";
    public const string Gc = "GC threads";
    public const string Sockets = "socket event loop";
    public const string Timers = "timer thread";
    public const string Diagnostics = "diagnostics (EventPipe, debugger)";
    public const string Main = "main thread";
    public const string Other = "other threads";

    private static readonly (string Prefix, string Kind)[] Prefixes =
    [
        (".NET TP Worker", ThreadPool),
        (".NET TP Gate", ThreadPool),
        (".NET ThreadPool", ThreadPool),
        (".NET Tiered Com", Jit),
        (".NET Server GC", Gc),
        (".NET BGC", Gc),
        (".NET GC", Gc),
        (".NET Finalizer", Gc),
        (".NET Sockets", Sockets),
        (".NET Timer", Timers),
        (".NET EventPipe", Diagnostics),
        (".NET DebugPipe", Diagnostics),
        (".NET Debugger", Diagnostics),
        (".NET DiagnosticS", Diagnostics),
        (".NET Diagnostic", Diagnostics),
    ];

    /// <param name="threadName">The thread's comm.</param>
    /// <param name="processName">The process's own comm (the main thread carries it).</param>
    public static string Of(string threadName, string processName)
    {
        var name = threadName.Trim();
        foreach (var (prefix, kind) in Prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        if (name == processName.Trim())
        {
            return Main;
        }

        // Named by a library (for example ".NET Long Running" tasks, or a client library's own thread): keep the name.
        return name.Length == 0 ? Other : name;
    }
}
