using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy.Health;

namespace Dating.Gateway.Health;

/// <summary>
/// The gateway is ready once every destination has been probed once: before that a stopped replica counts as
/// healthy, and the app host would announce a public API that sends some users to a closed port.
/// </summary>
internal sealed class DestinationsProbedHealthCheck(IActiveHealthCheckMonitor monitor) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(monitor.InitialProbeCompleted
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("the first health probe of the replicas has not completed"));
}
