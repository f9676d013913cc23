namespace Dating.Benchmarks.Comparison;

/// <summary>
/// What <c>compare</c> runs beyond its settings: a CPU profile of every process (an extra, labelled pass of the mixed
/// session at max and of the stack at rest), which scenarios and experiments to run (all by default), and the runtime
/// variants measured beside the stack as it ships (<see cref="RuntimeVariant"/>), and the rounds when not the settings' own.
/// </summary>
public sealed record CompareOptions(
    bool Profile = false, IReadOnlySet<string>? Scenarios = null, IReadOnlyList<RuntimeVariant>? Variants = null, int? Rounds = null)
{
    /// <summary>The most rounds <c>--rounds</c> takes: a full round of every scenario is about twenty minutes.</summary>
    public const int MaxRounds = 10;

    public const string ScalingKey = "scaling";
    public const string FaultKey = "fault";

    /// <summary>The keys of <c>--scenarios</c>: each scenario's, then the two experiments.</summary>
    public static IReadOnlyDictionary<string, string> Keys { get; } = new Dictionary<string, string>
    {
        ["public-profile"] = ScenarioNames.PublicProfile,
        ["public-profile-max"] = ScenarioNames.PublicProfileMax,
        ["recommendations"] = ScenarioNames.Recommendations,
        ["recommendations-max"] = ScenarioNames.RecommendationsMax,
        ["swipe"] = ScenarioNames.Swipe,
        ["message"] = ScenarioNames.Message,
        ["propagation"] = ScenarioNames.Propagation,
        ["session"] = ScenarioNames.Session,
        ["session-max"] = ScenarioNames.SessionMax,
        [ScalingKey] = "scaling up and out (the mixed session on 1 CPU, and with 2 replicas)",
        [FaultKey] = "fault isolation (chat killed)",
    };

    public static CompareOptions Default { get; } = new();

    public bool Runs(string scenario) => Scenarios is null || Scenarios.Contains(scenario);

    public bool RunsScaling => Scenarios is null || Scenarios.Contains(ScalingKey);

    public bool RunsFault => Scenarios is null || Scenarios.Contains(FaultKey);

    /// <summary>Parses <c>--scenarios session-max,fault</c>: null when a key is unknown or none is given.</summary>
    public static IReadOnlySet<string>? ParseScenarios(string list)
    {
        var keys = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (keys.Length == 0 || keys.Any(k => !Keys.ContainsKey(k)))
        {
            return null;
        }

        return keys.Select(k => k is ScalingKey or FaultKey ? k : Keys[k]).ToHashSet();
    }

    public IReadOnlyList<RuntimeVariant> AllVariants => Variants ?? [];

    /// <summary>The settings with this run's rounds, where <c>--rounds</c> gave them.</summary>
    public CompareSettings Apply(CompareSettings settings) => Rounds is { } rounds ? settings with { Rounds = rounds } : settings;

    public string Describe() =>
        (Scenarios is null ? "every scenario and experiment"
            : $"only {string.Join(", ", Keys.Where(k => Scenarios.Contains(k.Key) || Scenarios.Contains(k.Value)).Select(k => k.Value))} (--scenarios)")
        + (Rounds is { } rounds ? $"; {rounds} round(s) (--rounds)" : "")
        + (AllVariants.Count == 0 ? "" : $"; beside the stack as it ships, each variant run in both topologies alike: {string.Join("; ", AllVariants.Select(v => v.Describe()))} (--variant)");
}
