using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dating.Photos.Storage;

/// <summary>Ready when the blob store answers and both containers exist.</summary>
internal sealed class BlobStorageHealthCheck(PhotoBlobStore blobs, BlobStorageState state) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!state.Ready)
        {
            return HealthCheckResult.Unhealthy("The blob containers have not been created yet.");
        }

        // Readiness must answer quickly: an unreachable store is unhealthy now, not after every retry.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            return await blobs.ContainersExistAsync(timeout.Token)
                ? HealthCheckResult.Healthy("The blob containers exist.")
                : HealthCheckResult.Unhealthy("A blob container is missing.");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The blob store is unreachable.", exception);
        }
    }
}
