namespace Dating.Benchmarks.Comparison;

/// <summary>
/// How long and how hard the comparison runs. <see cref="SeededUsers"/> synthetic users are seeded into the matching
/// read model (same random seed for every run); <see cref="Users"/> real users (matched in pairs, on the chat hub)
/// and <see cref="PropagationPairs"/> isolated pairs are registered through the API. Rates are per second (open model).
/// </summary>
public sealed record CompareSettings(
    int Rounds,
    int SeededUsers,
    int Users,
    int PropagationPairs,
    TimeSpan Duration,
    TimeSpan Warmup,
    double ProfileRate,
    double RecommendationRate,
    double SwipeRate,
    double MessageRate,
    double PropagationRate,
    double SessionRate,
    int MaxClients,
    TimeSpan FaultDuration)
{
    /// <summary>
    /// After the warm-up, the longest wait for the stack to come to rest (its processes together under
    /// <see cref="RestCores"/> for two seconds in a row, <see cref="Load.Settling"/>) before anything is measured.
    /// </summary>
    public TimeSpan SettleLimit { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>CPU cores the topology's processes may keep busy together and count as at rest.</summary>
    public double RestCores { get; init; } = 0.1;

    /// <summary>
    /// The warm-up goes on, <see cref="Warmup"/> at a time, until the tiered JIT's threads used less than this share of
    /// the services' CPU in the last step (<see cref="Load.WarmUp"/>), or until the step that reaches <see cref="WarmupLimit"/>
    /// (so a warm-up may pass the limit by up to one step).
    /// </summary>
    public double WarmJitShare { get; init; } = 0.02;

    public TimeSpan WarmupLimit { get; init; } = TimeSpan.FromSeconds(60);

    public static CompareSettings Full { get; } = new(
        Rounds: 2, SeededUsers: 20_000, Users: 200, PropagationPairs: 20,
        Duration: TimeSpan.FromSeconds(30), Warmup: TimeSpan.FromSeconds(5),
        ProfileRate: 200, RecommendationRate: 100, SwipeRate: 50, MessageRate: 50, PropagationRate: 5, SessionRate: 20,
        MaxClients: 16, FaultDuration: TimeSpan.FromSeconds(30));

    public static CompareSettings Quick { get; } = new(
        Rounds: 1, SeededUsers: 1_000, Users: 8, PropagationPairs: 2,
        Duration: TimeSpan.FromSeconds(1.5), Warmup: TimeSpan.FromMilliseconds(500),
        ProfileRate: 20, RecommendationRate: 20, SwipeRate: 10, MessageRate: 10, PropagationRate: 2, SessionRate: 5,
        MaxClients: 4, FaultDuration: TimeSpan.FromSeconds(4.5)) { SettleLimit = TimeSpan.FromSeconds(3), WarmupLimit = TimeSpan.FromSeconds(1.5) };

    public string Describe() => string.Concat(
        Reports.ReportFile.Invariant($"{Rounds} round(s), topologies alternating A B A B; {SeededUsers:N0} synthetic users seeded into the matching read model "),
        "(seed 42, identical in every run: seeded into each fresh stack before its services start); ",
        Reports.ReportFile.Invariant($"{Users} users registered through the API in Paris (matched in pairs, every one on the chat hub over WebSockets) "),
        Reports.ReportFile.Invariant($"and {PropagationPairs} isolated pairs for event propagation; {Duration.TotalSeconds:0.#} s per scenario after a warm-up of mixed sessions at max "),
        Reports.ReportFile.Invariant($"in steps of {Warmup.TotalSeconds:0.#} s until the tiered JIT's threads used under {WarmJitShare:0.#%} of the services' CPU in a step (or the step that reaches {WarmupLimit.TotalSeconds:0.#} s) "),
        Reports.ReportFile.Invariant($"and up to {SettleLimit.TotalSeconds:0} s for the stack to come to rest (its processes under {RestCores:0.##} cores for 2 s); "),
        Reports.ReportFile.Invariant($"open-model rates: public profile {ProfileRate}/s, recommendations {RecommendationRate}/s, swipe {SwipeRate}/s, message {MessageRate}/s, "),
        Reports.ReportFile.Invariant($"propagation {PropagationRate}/s, mixed session {SessionRate}/s; max = {MaxClients} closed-loop clients; "),
        Reports.ReportFile.Invariant($"fault run {FaultDuration.TotalSeconds:0.#} s, the kill at one third."));
}
