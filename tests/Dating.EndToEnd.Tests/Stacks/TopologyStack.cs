using Dating.AppHost.Options;
using Dating.Stacks;
using Dating.Testing;

// The two topologies' stacks run one after the other: on two cores, one stack starting while the other serves its
// specs slowed both (the microservices stack took 110 s to start beside the monolith's specs), and a fresh process's
// first request, starved of a core, once outlasted the gateway's 10 s replica timeout (a 504 on a CI run).
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Dating.EndToEnd.Tests.Stacks;

/// <summary>
/// One whole stack of a topology, started through the real app host (Aspire) once per test run and shared by
/// every spec of that topology (each spec registers its own users, so they never see each other's data).
/// </summary>
public abstract class TopologyStack(Topology topology) : IAsyncLifetime
{
    private AppHostStack? _stack;

    public Topology Topology => topology;

    public AppHostStack Stack => _stack ?? throw new InvalidOperationException($"The {topology} stack has not started.");

    /// <summary>Where clients reach the public API.</summary>
    public Uri PublicUrl => Stack.PublicUrl;

    /// <summary>
    /// Every address that serves the chat hub: the public one and each process behind it, so a test can hold
    /// connections on every replica and see real-time events cross between them.
    /// </summary>
    public IReadOnlyList<Uri> HubServers =>
        [PublicUrl, .. Enumerable.Range(0, HubReplicas).Select(i => Stack.UrlOf($"{HubService}-{i}")).Where(u => u != PublicUrl)];

    /// <summary>The service whose processes host the hub.</summary>
    protected abstract string HubService { get; }

    protected abstract int HubReplicas { get; }

    /// <summary>The app host's command line for this topology.</summary>
    protected abstract IReadOnlyList<string> Arguments { get; }

    public async ValueTask InitializeAsync()
    {
        var started = DateTime.UtcNow;
        _stack = await TestStacks.StartAsync(Arguments);
        TestLog.Write($"end-to-end: {topology} stack serving at {PublicUrl} after {(DateTime.UtcNow - started).TotalSeconds:F1} s");
    }

    public async ValueTask DisposeAsync()
    {
        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    public override string ToString() => topology.ToString();
}
