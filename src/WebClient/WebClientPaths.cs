namespace Dating.WebClient;

public static class WebClientPaths
{
    /// <summary>First path segments that belong to the server, never to the web client's fallback.</summary>
    public static IReadOnlySet<string> Reserved { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "api", "hubs", "docs", "openapi", "scalar", "health", "alive", "metrics",
    };
}
