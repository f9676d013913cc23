using Dating.Photos.Data;
using Dating.Photos.Library;
using Dating.Photos.Processing;
using Dating.Photos.Storage;
using Dating.Photos.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Dating.Photos.Tests.Processing;

public sealed class StalledProcessingTests(PhotosServiceFixture service) : IClassFixture<PhotosServiceFixture>
{
    [Fact]
    public async Task A_photo_still_processing_past_the_timeout_fails_with_a_reason_and_loses_its_blobs_while_a_recent_one_waits()
    {
        using var client = await service.SignInAsync();
        // As a message parked in _error leaves it: a row saying processing and its original, but nobody working on it.
        var stalled = await InsertProcessingAsync(client.UserId, TimeSpan.FromHours(1), position: 0);
        var recent = await InsertProcessingAsync(client.UserId, TimeSpan.FromMinutes(1), position: 1);
        (await service.ListBlobsAsync(client.UserId)).Count.ShouldBe(2);

        await service.Host.Services.GetRequiredService<StalledPhotoSweep>().SweepOnceAsync(TestContext.Current.CancellationToken);

        var photos = await client.MineAsync();
        var failed = photos.Single(p => p.PhotoId == stalled);
        failed.Status.ShouldBe("failed");
        failed.FailureReason.ShouldBe(StalledPhotoSweep.Reason);
        failed.Url.ShouldBeNull();
        photos.Single(p => p.PhotoId == recent).Status.ShouldBe("processing", "its message may still be retried");
        (await service.ListBlobsAsync(client.UserId)).ShouldBe([$"{BlobNames.OriginalsContainer}/{BlobNames.Original(client.UserId, recent)}"]);
    }

    private async Task<Guid> InsertProcessingAsync(Guid userId, TimeSpan age, int position)
    {
        var photoId = Guid.NewGuid();
        await using var scope = service.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PhotosDbContext>();
        db.Photos.Add(new Photo
        {
            Id = photoId,
            UserId = userId,
            Status = PhotoStatus.Processing,
            Position = position,
            OriginalContentType = "image/png",
            OriginalSizeBytes = 100,
            UploadedAt = DateTimeOffset.UtcNow - age,
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        await using var original = new MemoryStream(TestImages.Png());
        await scope.ServiceProvider.GetRequiredService<PhotoBlobStore>()
            .UploadOriginalAsync(userId, photoId, original, "image/png", TestContext.Current.CancellationToken);
        return photoId;
    }
}
