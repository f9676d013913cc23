using Azure.Core;
using Azure.Storage.Blobs;

namespace Dating.Photos.Storage;

internal static class BlobClientDefaults
{
    /// <summary>A few quick retries: a request waiting on a dead store answers 503 in seconds, not half a minute.</summary>
    public static BlobClientOptions Options() => new()
    {
        Retry =
        {
            Mode = RetryMode.Exponential,
            MaxRetries = 3,
            Delay = TimeSpan.FromMilliseconds(200),
            MaxDelay = TimeSpan.FromSeconds(2),
            NetworkTimeout = TimeSpan.FromSeconds(30),
        },
    };
}
