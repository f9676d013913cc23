using Dating.AppHost.BackingServices;

namespace Dating.AppHost.Orchestration;

/// <summary>Asks a service's <c>/health</c> (ready: its dependencies answer).</summary>
internal static class HealthProbe
{
    public static async Task<bool> IsHealthyAsync(Uri baseUrl, CancellationToken ct) =>
        (int?)await Probes.HttpStatusAsync(new Uri(baseUrl, "/health").ToString(), ct) is >= 200 and < 300;
}
