using Dating.Photos.Tests.Infrastructure;
using Dating.Testing;

namespace Dating.Photos.Tests.Processing;

internal static class StoredBlobs
{
    /// <summary>
    /// The user's blobs once the store has settled: an original is deleted just after its photo's ready
    /// state commits, so a test that saw "ready" may still see it for a moment.
    /// </summary>
    public static Task<List<string>> SettledBlobsAsync(this PhotosServiceFixture service, Guid userId, int expected) =>
        Eventually.GetAsync(() => service.ListBlobsAsync(userId), blobs => blobs.Count == expected, $"{expected} blobs of user {userId}", TimeSpan.FromSeconds(10));
}
