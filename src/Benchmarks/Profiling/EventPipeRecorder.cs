using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace Dating.Benchmarks.Profiling;

/// <summary>
/// One EventPipe session on one .NET process, streamed into a <c>.nettrace</c> file: the runtime's sample profiler
/// (every managed thread's stack, about every millisecond) and the runtime provider with its default keywords (GC, JIT,
/// loader, exceptions, contention...). Stopping asks for the rundown, which names every method still loaded.
/// </summary>
public sealed class EventPipeRecorder : IAsyncDisposable
{
    /// <summary>The runtime provider's default keywords, as <c>dotnet-trace</c>'s cpu-sampling profile enables them.</summary>
    public const long RuntimeDefaultKeywords = 0x14C14FCCBD;

    private readonly EventPipeSession _session;
    private readonly FileStream _file;
    private readonly Task _copy;

    private EventPipeRecorder(EventPipeSession session, FileStream file)
    {
        _session = session;
        _file = file;
        _copy = session.EventStream.CopyToAsync(file);
    }

    public static IReadOnlyList<EventPipeProvider> Providers { get; } =
    [
        new(TraceReader.SampleProfiler, EventLevel.Informational),
        new("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, RuntimeDefaultKeywords),
    ];

    public static async Task<EventPipeRecorder> StartAsync(int pid, string file, CancellationToken ct)
    {
        var client = new DiagnosticsClient(pid);
        var session = await client.StartEventPipeSessionAsync(Providers, requestRundown: true, circularBufferMB: 256, ct);
        return new EventPipeRecorder(session, File.Create(file));
    }

    /// <summary>Stops the session (the runtime then writes the rundown) and waits until the whole trace is on disk.</summary>
    public async Task StopAsync(CancellationToken ct)
    {
        await _session.StopAsync(ct);
        await _copy.WaitAsync(TimeSpan.FromMinutes(2), ct);
        await _file.FlushAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        _session.Dispose();
        await _file.DisposeAsync();
    }
}
