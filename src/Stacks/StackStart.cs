using Aspire.Hosting.Testing;

namespace Dating.Stacks;

/// <summary>How to start an <see cref="AppHostStack"/>.</summary>
/// <param name="Arguments">The app host's command line, for example <c>--topology monolith</c>; <c>--isolated</c> is added.</param>
/// <param name="LogRoot">The folder under which the stack's own log folder is made.</param>
/// <param name="Log">Where the stack says what it does (its log folder, its start time).</param>
public sealed record StackStart(IEnumerable<string> Arguments, string LogRoot, Action<string> Log)
{
    /// <summary>
    /// Extra settings for every .NET process of the stack, or, under a key <c>process/NAME</c>, for the replicas of one
    /// process only (<c>gateway/DOTNET_…</c>, <c>matching/…</c> for <c>matching-0</c>, <c>matching-1</c>, …); a process the
    /// stack does not have (the gateway of a lone monolith) gets nothing, so one variant can run on both topologies.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Another checkout of the repository, built (a benchmark's revision variant): every project the app host runs is run
    /// from the same relative path under it, its build not rebuilt, while the app host's model (backing services, wiring,
    /// ports) stays this checkout's. Null: the projects as checked out.
    /// </summary>
    public string? ProjectsRoot { get; init; }

    /// <summary>Measured: 30 s on an idle machine, over 5 min on one shared with other stacks.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Changes to the app host before it is built (its logging, event handlers).</summary>
    public Action<IDistributedApplicationTestingBuilder>? Configure { get; init; }
}
