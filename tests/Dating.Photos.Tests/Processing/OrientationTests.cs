using Dating.Photos.Tests.Infrastructure;

namespace Dating.Photos.Tests.Processing;

public sealed class OrientationTests(PhotosServiceFixture service) : IClassFixture<PhotosServiceFixture>
{
    [Fact]
    public async Task The_exif_orientation_is_applied_to_the_pixels_since_the_tag_itself_is_dropped()
    {
        using var client = await service.SignInAsync();

        var photoId = await client.UploadReadyAsync(TestImages.JpegWithOrientation(400, 200, orientation: 6));

        var photo = (await client.MineAsync()).Single(p => p.PhotoId == photoId);
        var image = await SignedUrls.DownloadImageAsync(photo.Url!);
        (image.Width, image.Height).ShouldBe((200, 400), "stored landscape, shown portrait");
        TestImages.JpegMarkers(image.Bytes).ShouldNotContain((byte)0xE1);
    }
}
