using System.Text.RegularExpressions;

namespace Dating.Deployment.Tests.Model;

/// <summary>
/// The configuration names that make a service's contract, the same on one machine and on a cluster: connection
/// strings, service addresses, telemetry, and the services' own settings. A replica's index is not part of it
/// (<c>services__chat__http__0</c> and <c>__1</c> are both "an address of chat": a cluster gives one Service address).
/// </summary>
public static partial class ConfigurationContract
{
    /// <summary>Names that belong to one side only, each for a reason.</summary>
    private static readonly string[] OneSideOnly =
    [
        // App host: a local port per replica; in the image, ASPNETCORE_HTTP_PORTS=8080.
        "ASPNETCORE_URLS",
        // Cluster: the image's ASPNETCORE_HTTP_PORTS emptied, since Kestrel__Endpoints__* override it (with a warning if set).
        "ASPNETCORE_HTTP_PORTS",
        // App host: Development on one machine; a cluster runs the default, Production.
        "ASPNETCORE_ENVIRONMENT",
        // Cluster: the pod's name, the source of OTEL_RESOURCE_ATTRIBUTES' service.instance.id.
        "POD_NAME",
        // Cluster: the collector. The app host sets them only when it runs, to its dashboard.
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "OTEL_EXPORTER_OTLP_PROTOCOL",
        // Cluster: the gateway expands each headless Service into its pods; the app host passes every replica's address.
        "Gateway__ResolvePodsByDns",
    ];

    // App host: Aspire's development switches (one turns URL query redaction off, which would put SignalR's access tokens in traces).
    private const string DevelopmentSwitches = "OTEL_DOTNET_EXPERIMENTAL_";

    public static IReadOnlySet<string> Of(IEnumerable<string> names) =>
        names.Where(name => !OneSideOnly.Contains(name) && !name.StartsWith(DevelopmentSwitches, StringComparison.Ordinal))
            .Select(name => ReplicaIndex().Replace(name, "__<i>"))
            .Select(ConnectionNameAlias)
            .ToHashSet(StringComparer.Ordinal);

    // Aspire passes a connection string whose name has dashes twice: as named (ConnectionStrings__matching-shard-0) and
    // with the dashes as underscores, for shells that refuse dashes in names. The service reads the first; one name.
    private static string ConnectionNameAlias(string name) =>
        name.StartsWith(ConnectionStrings, StringComparison.Ordinal) ? ConnectionStrings + name[ConnectionStrings.Length..].Replace('_', '-') : name;

    private const string ConnectionStrings = "ConnectionStrings__";

    [GeneratedRegex(@"__\d+$")]
    private static partial Regex ReplicaIndex();
}
