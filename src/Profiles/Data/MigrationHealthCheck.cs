using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dating.Profiles.Data;

internal sealed class MigrationHealthCheck(MigrationState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Completed
            ? HealthCheckResult.Healthy("The profiles schema is up to date.")
            : HealthCheckResult.Unhealthy("Migrations have not finished."));
}
