using System.Net;
using Azure.Storage.Blobs;
using Dating.BuildingBlocks.Messaging;
using Dating.Photos.Data;
using Dating.Photos.Library;
using Dating.Photos.Processing;
using Dating.Photos.Storage;
using Dating.Photos.Tests.Infrastructure;
using Dating.Photos.Tests.Processing;
using Dating.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dating.Photos.Tests.Storage;

[CollectionDefinition(DisableParallelization = true)]
public sealed class BlobStoreOutage;

/// <summary>Stops the shared Azurite: runs alone, after the other tests.</summary>
[Collection(typeof(BlobStoreOutage))]
public sealed class BlobStoreOutageTests(PhotosServiceFixture service) : IClassFixture<PhotosServiceFixture>
{
    [Fact]
    public async Task With_the_blob_store_down_uploads_get_503_and_readiness_fails_then_both_recover()
    {
        using var me = await service.SignInAsync();
        var readyId = await me.UploadReadyAsync(TestImages.Png());
        using var anonymous = service.CreateAnonymousClient();

        await service.Backing.StopResourceAsync("azurite");
        try
        {
            using var upload = await me.UploadAsync(TestImages.Png());
            await upload.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
            using var health = await anonymous.GetAsync("/health");
            health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await me.MineAsync()).Select(p => p.PhotoId).ShouldBe([readyId], "reading needs only the database");
        }
        finally
        {
            await service.Backing.StartResourceAsync("azurite");
        }

        await me.UploadReadyAsync(TestImages.Png());
        using var healthy = await anonymous.GetAsync("/health");
        healthy.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await service.RowsAsync(me.UserId)).Count.ShouldBe(2, "the refused upload left no row");
    }

    [Fact]
    public async Task Processing_interrupted_by_a_blob_store_outage_is_retried_and_completes()
    {
        using var me = await service.SignInAsync();
        var photoId = Guid.CreateVersion7();
        var original = new BlobServiceClient(service.Backing.BlobConnectionString)
            .GetBlobContainerClient(BlobNames.OriginalsContainer).GetBlobClient(BlobNames.Original(me.UserId, photoId));
        await original.UploadAsync(BinaryData.FromBytes(TestImages.Jpeg()));

        var retriesBefore = ProcessingRetries();
        await service.Backing.StopResourceAsync("azurite");
        try
        {
            // The state an upload leaves behind: a processing row and its PhotoUploaded event, committed together.
            await using var scope = service.Host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PhotosDbContext>();
            db.Photos.Add(new Photo
            {
                Id = photoId,
                UserId = me.UserId,
                Status = PhotoStatus.Processing,
                OriginalContentType = "image/jpeg",
                UploadedAt = DateTimeOffset.UtcNow,
            });
            db.AddIntegrationEvent(new PhotoUploaded(photoId, me.UserId, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();

            await Eventually.UntilAsync(() => ProcessingRetries() > retriesBefore, "the consumer to fail against the dead store");
            (await me.MineAsync()).Single().Status.ShouldBe("processing");
        }
        finally
        {
            await service.Backing.StartResourceAsync("azurite");
        }

        (await me.WaitProcessedAsync(photoId)).Status.ShouldBe("ready");
        (await service.SettledBlobsAsync(me.UserId, 2)).Count.ShouldBe(2);
    }

    // MassTransit logs each failed attempt that it will retry.
    private int ProcessingRetries() => service.Host.Log.Lines.Count(line => line.Contains("R-RETRY") && line.Contains("photo-uploaded"));
}
