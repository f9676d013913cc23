using System.Net;
using System.Text;
using Dating.Photos.Tests.Infrastructure;
using Dating.Testing;
using SkiaSharp;

namespace Dating.Photos.Tests.Processing;

public sealed class ProcessingTests(PhotosServiceFixture service) : IClassFixture<PhotosServiceFixture>
{
    [Theory]
    [InlineData(SKEncodedImageFormat.Jpeg, 3000, 1600)]
    [InlineData(SKEncodedImageFormat.Png, 900, 1400)]
    [InlineData(SKEncodedImageFormat.Webp, 2600, 2600)]
    public async Task Jpeg_png_and_webp_uploads_become_ready_with_a_capped_image_and_a_thumbnail(SKEncodedImageFormat format, int width, int height)
    {
        using var client = await service.SignInAsync();

        // The declared name and type say nothing true: the content decides.
        using var upload = await client.UploadAsync(TestImages.Encode(format, width, height), "upload.bin", "application/octet-stream");
        var accepted = await upload.ShouldBeJsonAsync<UploadAnswer>(HttpStatusCode.Accepted);
        accepted.Status.ShouldBe("processing");
        var photo = await client.WaitProcessedAsync(accepted.PhotoId);

        photo.Status.ShouldBe("ready", photo.FailureReason);
        var image = await SignedUrls.DownloadImageAsync(photo.Url!);
        var thumbnail = await SignedUrls.DownloadImageAsync(photo.ThumbnailUrl!);
        Math.Max(image.Width, image.Height).ShouldBe(Math.Min(2048, Math.Max(width, height)));
        Math.Max(thumbnail.Width, thumbnail.Height).ShouldBe(320);
        ((double)image.Width / image.Height).ShouldBe((double)width / height, 0.01, "the aspect ratio is kept");
        ((double)thumbnail.Width / thumbnail.Height).ShouldBe((double)width / height, 0.02);
        image.Format.ShouldBe(SKEncodedImageFormat.Jpeg, "stored photos are re-encoded");
        thumbnail.Format.ShouldBe(SKEncodedImageFormat.Jpeg);
    }

    [Fact]
    public async Task A_jpeg_carrying_gps_exif_comes_back_without_any_metadata()
    {
        using var client = await service.SignInAsync();
        var original = TestImages.JpegWithGpsExif(800, 600);
        TestImages.JpegMarkers(original).ShouldContain((byte)0xE1, "the upload carries an APP1 Exif segment");

        var photoId = await client.UploadReadyAsync(original);

        var photo = (await client.MineAsync()).Single(p => p.PhotoId == photoId);
        foreach (var url in new[] { photo.Url!, photo.ThumbnailUrl! })
        {
            var stored = await SignedUrls.DownloadAsync(url);
            TestImages.JpegMarkers(stored).ShouldNotContain((byte)0xE1, "no APP1 (Exif/XMP) segment survives");
            Encoding.ASCII.GetString(stored).ShouldNotContain("Exif");
        }

        var blobs = await service.SettledBlobsAsync(client.UserId, 2);
        blobs.ShouldNotContain(name => name.EndsWith("/original", StringComparison.Ordinal), "the upload as received, GPS and all, is gone once processed");
        blobs.Count.ShouldBe(2);
    }

    [Fact]
    public async Task Processing_publishes_PhotoReady_and_the_first_ready_photo_becomes_primary()
    {
        await using var probe = await EventProbe.StartAsync(service.Backing.RabbitMqConnectionString);
        using var client = await service.SignInAsync();

        var photoId = await client.UploadReadyAsync(TestImages.Png());

        var ready = await probe.WaitAsync<Dating.Contracts.Photos.PhotoReady>(e => e.PhotoId == photoId);
        ready.UserId.ShouldBe(client.UserId);
        var primary = await probe.WaitAsync<Dating.Contracts.Photos.PrimaryPhotoChanged>(e => e.UserId == client.UserId);
        primary.PhotoId.ShouldBe(photoId);
    }
}
