namespace Dating.Benchmarks.Comparison;

/// <summary>The scenarios, in report order.</summary>
public static class ScenarioNames
{
    public const string PublicProfile = "public profile read";
    public const string PublicProfileMax = "public profile read, max (closed loop)";
    public const string Recommendations = "recommendations";
    public const string RecommendationsMax = "recommendations, max (closed loop)";
    public const string Swipe = "swipe";
    public const string Message = "message delivery (REST send to the other user's WebSocket)";
    public const string Propagation = "event propagation (profile change until seen in recommendations)";
    public const string Session = "mixed session";
    public const string SessionMax = "mixed session, max (closed loop)";

    public static IReadOnlyList<string> All { get; } = [PublicProfile, PublicProfileMax, Recommendations, RecommendationsMax, Swipe, Message, Propagation, Session, SessionMax];

    /// <summary>What the scaling experiment runs with 2 replicas.</summary>
    public static IReadOnlyList<string> Scaling { get; } = [Session, SessionMax];
}
