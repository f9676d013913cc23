using System.Diagnostics;

namespace Dating.BuildingBlocks.Messaging;

/// <summary>The W3C trace context an event carries from the request that raised it to its consumers.</summary>
internal static class TraceParent
{
    /// <summary>MassTransit's header: with no current activity, its send span takes this as parent.</summary>
    public const string Header = "MT-Activity-Id";

    public static string? Current() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { } id } ? id : null;
}
