using System.Net;
using Dating.Contracts.Photos;
using Dating.Photos.Tests.Infrastructure;
using Dating.Photos.Tests.Processing;
using Dating.Testing;

namespace Dating.Photos.Tests.Gallery;

public sealed class DeleteTests(PhotosServiceFixture service) : IClassFixture<PhotosServiceFixture>
{
    [Fact]
    public async Task Deleting_a_photo_removes_its_row_and_blobs_and_publishes_PhotoDeleted()
    {
        await using var probe = await EventProbe.StartAsync(service.Backing.RabbitMqConnectionString);
        using var me = await service.SignInAsync();
        var firstId = await me.UploadReadyAsync(TestImages.Jpeg());
        var secondId = await me.UploadReadyAsync(TestImages.Png());
        (await service.SettledBlobsAsync(me.UserId, 4)).Count.ShouldBe(4, "an image and a thumbnail each");
        var firstUrl = (await me.MineAsync())[0].Url!;

        using var response = await me.Http.DeleteAsync($"/api/photos/{firstId}");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var left = await me.MineAsync();
        left.Select(p => (p.PhotoId, p.Position)).ShouldBe([(secondId, 0)]);
        (await service.ListBlobsAsync(me.UserId)).ShouldAllBe(name => name.Contains(secondId.ToString()));
        (await SignedUrls.StatusOfAsync(firstUrl)).ShouldBe(HttpStatusCode.NotFound, "an issued URL opens nothing once the blob is gone");
        (await probe.WaitAsync<PhotoDeleted>(e => e.PhotoId == firstId)).UserId.ShouldBe(me.UserId);
        (await probe.WaitAsync<PrimaryPhotoChanged>(e => e.UserId == me.UserId && e.PhotoId == secondId)).ShouldNotBeNull();
        using var again = await me.Http.DeleteAsync($"/api/photos/{firstId}");
        await again.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_the_last_ready_photo_publishes_that_there_is_no_primary_photo()
    {
        await using var probe = await EventProbe.StartAsync(service.Backing.RabbitMqConnectionString);
        using var me = await service.SignInAsync();
        var photoId = await me.UploadReadyAsync(TestImages.Png());
        await probe.WaitAsync<PrimaryPhotoChanged>(e => e.UserId == me.UserId && e.PhotoId == photoId);

        using var response = await me.Http.DeleteAsync($"/api/photos/{photoId}");

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await probe.WaitAsync<PrimaryPhotoChanged>(e => e.UserId == me.UserId && e.PhotoId == null);
        (await service.ListBlobsAsync(me.UserId)).ShouldBeEmpty();
        (await service.RowsAsync(me.UserId)).ShouldBeEmpty();
    }
}
