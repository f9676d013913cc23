using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dating.BuildingBlocks.Persistence;

internal sealed class MigrationHealthCheck<TDbContext>(MigrationState<TDbContext> state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Completed
            ? HealthCheckResult.Healthy($"The {state.Schema} schema is up to date.")
            : HealthCheckResult.Unhealthy("Migrations have not finished."));
}
