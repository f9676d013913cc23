using Azure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dating.Photos.Storage;

/// <summary>Creates the private containers before the host serves or consumes, waiting for the blob store if it is not up yet.</summary>
internal sealed class BlobContainerInitializer(
    PhotoBlobStore blobs, BlobStorageState state, TimeProvider time, ILogger<BlobContainerInitializer> logger) : IHostedService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await blobs.EnsureContainersAsync(cancellationToken);
                state.MarkReady();
                return;
            }
            catch (Exception exception) when (exception is RequestFailedException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "The blob store is not reachable yet (attempt {Attempt}); retrying.", attempt);
                await Task.Delay(RetryDelay, time, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
