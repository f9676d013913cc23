namespace Dating.Benchmarks.Profiling;

/// <summary>
/// Sorts frames into <see cref="FrameBucket"/>s by namespace (then by assembly), and charges a sample to a component:
/// the first frame from the leaf up that is in a named bucket, so that a memory copy inside Npgsql counts for Npgsql.
/// </summary>
public static class FrameBuckets
{
    public static readonly FrameBucket OurCode = new("our code (Dating.*)", false);
    public static readonly FrameBucket Npgsql = new("Npgsql (PostgreSQL client)", false);
    public static readonly FrameBucket EfCore = new("EF Core", false);
    public static readonly FrameBucket Json = new("System.Text.Json", false);
    public static readonly FrameBucket Yarp = new("YARP (proxying)", false);
    public static readonly FrameBucket MassTransit = new("MassTransit", false);
    public static readonly FrameBucket RabbitMq = new("RabbitMQ client", false);
    public static readonly FrameBucket Redis = new("StackExchange.Redis", false);
    public static readonly FrameBucket SignalR = new("SignalR", false);
    public static readonly FrameBucket Kestrel = new("Kestrel (HTTP server)", false);
    public static readonly FrameBucket Sockets = new("sockets (System.Net.Sockets, send/receive)", false);
    public static readonly FrameBucket HttpClient = new("HttpClient (outgoing HTTP)", false);
    public static readonly FrameBucket AspNetCore = new("ASP.NET Core (routing, auth, middleware, endpoints)", false);
    public static readonly FrameBucket HealthChecks = new("health checks", false);
    public static readonly FrameBucket Telemetry = new("telemetry and logging (OpenTelemetry, Activity, metrics, ILogger)", false);
    public static readonly FrameBucket Extensions = new("Microsoft.Extensions (DI, options, caching, hosting)", false);
    public static readonly FrameBucket Cryptography = new("cryptography (password hashing)", false);
    public static readonly FrameBucket Azure = new("Azure Blob Storage client", false);
    public static readonly FrameBucket Images = new("SkiaSharp (images)", false);
    public static readonly FrameBucket Tracing = new("EventSource / EventPipe (the profiler's own cost)", false);
    public static readonly FrameBucket Threading = new("tasks, thread pool, timers, locks", true);
    public static readonly FrameBucket ThreadPoolIdle = new("thread pool between work items (spinning, parking, waking workers)", true);
    public static readonly FrameBucket Runtime = new("runtime: reflection, type system, stubs, unresolved frames", true);
    public static readonly FrameBucket BaseLibrary = new("base library: collections, LINQ, strings, memory", true);

    // Most specific first: the first prefix that matches wins.
    private static readonly (string Prefix, FrameBucket Bucket)[] Namespaces =
    [
        ("Dating.", OurCode),
        ("Npgsql", Npgsql),
        ("Microsoft.EntityFrameworkCore", EfCore),
        ("EFCore.", EfCore),
        ("System.Text.Json", Json),
        ("Yarp.", Yarp),
        ("MassTransit", MassTransit),
        ("RabbitMQ.", RabbitMq),
        ("StackExchange.Redis", Redis),
        ("Pipelines.Sockets.Unofficial", Redis),
        ("Microsoft.AspNetCore.SignalR", SignalR),
        ("Microsoft.AspNetCore.Http.Connections", SignalR),
        ("Microsoft.AspNetCore.Server.Kestrel", Kestrel),
        ("System.IO.Pipelines", Kestrel),
        ("System.Net.Sockets", Sockets),
        ("Interop+Sys.Send", Sockets),
        ("Interop+Sys.Receive", Sockets),
        ("System.Net.Http", HttpClient),
        ("Microsoft.Extensions.Http", HttpClient),
        ("Microsoft.Extensions.Diagnostics.HealthChecks", HealthChecks),
        ("HealthChecks.", HealthChecks),
        ("Microsoft.AspNetCore.", AspNetCore),
        ("OpenTelemetry", Telemetry),
        ("Microsoft.Extensions.Logging", Telemetry),
        ("Microsoft.Extensions.Diagnostics", Telemetry),
        ("System.Diagnostics.Activity", Telemetry),
        ("System.Diagnostics.DiagnosticListener", Telemetry),
        ("System.Diagnostics.DiagnosticSource", Telemetry),
        ("System.Diagnostics.Metrics", Telemetry),
        ("System.Diagnostics.Tracing", Tracing),
        ("Microsoft.Extensions.", Extensions),
        ("System.Security.Cryptography", Cryptography),
        ("Interop+Crypto", Cryptography),
        ("Azure.", Azure),
        ("SkiaSharp", Images),
        ("System.Threading.LowLevelLifoSemaphore", ThreadPoolIdle),
        ("System.Threading.LowLevelSpinWaiter", ThreadPoolIdle),
        ("System.Threading.PortableThreadPool+WorkerThread", ThreadPoolIdle),
        ("System.Threading.PortableThreadPool+HillClimbing", ThreadPoolIdle),
        ("System.Threading.PortableThreadPool+GateThread", ThreadPoolIdle),
        ("System.Threading", Threading),
        ("System.Runtime.CompilerServices.AsyncTaskMethodBuilder", Threading),
        ("System.Runtime.CompilerServices.AsyncValueTaskMethodBuilder", Threading),
        ("System.Runtime.CompilerServices.AsyncMethodBuilderCore", Threading),
        ("System.Runtime.CompilerServices.TaskAwaiter", Threading),
        ("System.Runtime.CompilerServices.ValueTaskAwaiter", Threading),
        ("System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable", Threading),
        ("System.Runtime.CompilerServices.ConfiguredTaskAwaitable", Threading),
        ("System.Runtime.CompilerServices.YieldAwaitable", Threading),
        ("System.Reflection", Runtime),
        ("System.RuntimeType", Runtime),
        ("System.RuntimeMethodHandle", Runtime),
        ("System.RuntimeTypeHandle", Runtime),
        ("System.Runtime.", Runtime),
        ("System.StubHelpers", Runtime),
        ("System.GC", Runtime),
        ("Internal.Runtime", Runtime),
        ("DynamicClass", Runtime),
        ("dynamicClass", Runtime),
    ];

    // When the method's name says nothing (for example a compiler-generated type): the assembly.
    private static readonly (string Prefix, FrameBucket Bucket)[] Modules =
    [
        ("Dating.", OurCode),
        ("Npgsql", Npgsql),
        ("Microsoft.EntityFrameworkCore", EfCore),
        ("System.Text.Json", Json),
        ("Yarp", Yarp),
        ("MassTransit", MassTransit),
        ("RabbitMQ", RabbitMq),
        ("StackExchange.Redis", Redis),
        ("Microsoft.AspNetCore.SignalR", SignalR),
        ("Microsoft.AspNetCore.Server.Kestrel", Kestrel),
        ("System.Net.Sockets", Sockets),
        ("System.Net.Http", HttpClient),
        ("Microsoft.AspNetCore", AspNetCore),
        ("OpenTelemetry", Telemetry),
        ("Microsoft.Extensions", Extensions),
        ("System.Security.Cryptography", Cryptography),
        ("Azure", Azure),
        ("SkiaSharp", Images),
    ];

    public static IReadOnlyList<FrameBucket> All { get; } =
    [
        OurCode, Npgsql, EfCore, Json, Yarp, MassTransit, RabbitMq, Redis, SignalR, Kestrel, Sockets, HttpClient, AspNetCore,
        HealthChecks, Telemetry, Extensions, Cryptography, Azure, Images, Tracing, Threading, ThreadPoolIdle, Runtime, BaseLibrary,
    ];

    public static FrameBucket Of(StackFrame frame)
    {
        if (IsUnresolved(frame))
        {
            return Runtime;
        }

        foreach (var (prefix, bucket) in Namespaces)
        {
            if (frame.Method.StartsWith(prefix, StringComparison.Ordinal))
            {
                return bucket;
            }
        }

        foreach (var (prefix, bucket) in Modules)
        {
            if (frame.Module.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return bucket;
            }
        }

        return BaseLibrary;
    }

    /// <summary>The component a sample's CPU serves: the first named bucket from the leaf up, else the leaf's plumbing bucket.</summary>
    public static FrameBucket ComponentOf(IReadOnlyList<StackFrame> frames)
    {
        if (frames.Count == 0)
        {
            return Runtime;
        }

        foreach (var frame in frames)
        {
            var bucket = Of(frame);
            if (!bucket.Plumbing)
            {
                return bucket;
            }
        }

        return Of(frames[0]);
    }

    public static bool IsUnresolved(StackFrame frame) =>
        frame.Method.Length == 0 || frame.Method == "?" || frame.Method.StartsWith("0x", StringComparison.Ordinal);
}
