using Dating.Photos.Tests.Infrastructure;

namespace Dating.Photos.Tests.Processing;

internal static class StoredBlobs
{
    /// <summary>
    /// The user's blobs once the store has settled: an original is deleted just after its photo's ready
    /// state commits, so a test that saw "ready" may still see it for a moment.
    /// </summary>
    public static async Task<List<string>> SettledBlobsAsync(this PhotosServiceFixture service, Guid userId, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var blobs = await service.ListBlobsAsync(userId);
        while (blobs.Count != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            blobs = await service.ListBlobsAsync(userId);
        }

        return blobs;
    }
}
