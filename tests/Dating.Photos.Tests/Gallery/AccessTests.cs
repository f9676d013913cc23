using System.Net;
using Dating.Photos.Tests.Infrastructure;
using Dating.Testing;

namespace Dating.Photos.Tests.Gallery;

public sealed class AccessTests(PhotosServiceFixture service) : IClassFixture<PhotosServiceFixture>
{
    [Fact]
    public async Task Another_user_cannot_delete_or_see_my_unfinished_or_failed_photos()
    {
        using var me = await service.SignInAsync();
        using var other = await service.SignInAsync();
        var failedId = await me.UploadAcceptedAsync(TestImages.PngBomb());
        (await me.WaitProcessedAsync(failedId)).Status.ShouldBe("failed");
        var readyId = await me.UploadReadyAsync(TestImages.Png());

        using (var delete = await other.Http.DeleteAsync($"/api/photos/{readyId}"))
        {
            await delete.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        using (var failed = await other.Http.GetAsync($"/api/photos/{failedId}"))
        {
            await failed.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        (await other.MineAsync()).ShouldBeEmpty("my photos are not in anyone else's list");
        (await me.MineAsync()).Select(p => p.PhotoId).ShouldBe([failedId, readyId]);
        using var mine = await me.Http.GetAsync($"/api/photos/{failedId}");
        (await mine.ShouldBeJsonAsync<PublicPhoto>(HttpStatusCode.OK)).Status.ShouldBe("failed", "the owner sees their own failed photo");
    }

    [Fact]
    public async Task Anyone_signed_in_may_read_a_ready_photo_through_signed_urls()
    {
        using var me = await service.SignInAsync();
        using var other = await service.SignInAsync();
        var photoId = await me.UploadReadyAsync(TestImages.Jpeg());

        using var response = await other.Http.GetAsync($"/api/photos/{photoId}");

        var photo = await response.ShouldBeJsonAsync<PublicPhoto>(HttpStatusCode.OK);
        photo.UserId.ShouldBe(me.UserId);
        photo.Status.ShouldBe("ready");
        (await SignedUrls.DownloadImageAsync(photo.Url!)).Width.ShouldBe(640);
        (await SignedUrls.DownloadImageAsync(photo.ThumbnailUrl!)).Width.ShouldBe(320);
        photo.Url!.Query.ShouldContain("sig=");
        photo.Url.Query.ShouldContain("sp=r", Case.Sensitive, "read-only");
        photo.Url.ToString().ShouldNotContain(Dating.AppHost.Hosting.AzuriteResource.AccountKey, Case.Sensitive, "never the account key");
    }

    [Fact]
    public async Task A_signed_url_opens_only_its_own_blob()
    {
        using var me = await service.SignInAsync();
        var photoId = await me.UploadReadyAsync(TestImages.Jpeg());
        var otherPhotoId = await me.UploadReadyAsync(TestImages.Png());
        var url = (await me.MineAsync()).Single(p => p.PhotoId == photoId).Url!;
        (await SignedUrls.StatusOfAsync(url)).ShouldBe(HttpStatusCode.OK);

        var thumbnail = new Uri(url.ToString().Replace("/image.jpg?", "/thumbnail.jpg?", StringComparison.Ordinal));
        var otherPhoto = new Uri(url.ToString().Replace(photoId.ToString(), otherPhotoId.ToString(), StringComparison.Ordinal));
        var original = new Uri(url.ToString().Replace("/photos/", "/photo-originals/", StringComparison.Ordinal).Replace("image.jpg", "original", StringComparison.Ordinal));
        var unsigned = new UriBuilder(url) { Query = "" }.Uri;

        (await SignedUrls.StatusOfAsync(thumbnail)).ShouldBe(HttpStatusCode.Forbidden);
        (await SignedUrls.StatusOfAsync(otherPhoto)).ShouldBe(HttpStatusCode.Forbidden);
        (await SignedUrls.StatusOfAsync(original)).ShouldBe(HttpStatusCode.Forbidden);
        (await SignedUrls.StatusOfAsync(unsigned)).ShouldNotBe(HttpStatusCode.OK, "the containers are private");
    }

    [Fact]
    public async Task Image_and_thumbnail_routes_redirect_to_fresh_signed_urls_of_ready_photos_only()
    {
        using var me = await service.SignInAsync();
        using var other = await service.SignInAsync();
        var readyId = await me.UploadReadyAsync(TestImages.Jpeg(1000, 500));
        var failedId = await me.UploadAcceptedAsync(TestImages.PngBomb());
        await me.WaitProcessedAsync(failedId);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = other.Http.BaseAddress };
        http.DefaultRequestHeaders.Authorization = other.Http.DefaultRequestHeaders.Authorization;

        using var image = await http.GetAsync($"/api/photos/{readyId}/image");
        using var thumbnail = await http.GetAsync($"/api/photos/{readyId}/thumbnail");
        using var failed = await http.GetAsync($"/api/photos/{failedId}/thumbnail");
        using var unknown = await http.GetAsync($"/api/photos/{Guid.NewGuid()}/image");

        image.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        thumbnail.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SignedUrls.DownloadImageAsync(image.Headers.Location!)).Width.ShouldBe(1000);
        (await SignedUrls.DownloadImageAsync(thumbnail.Headers.Location!)).Width.ShouldBe(320);
        await failed.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("GET", "/api/photos/me")]
    [InlineData("POST", "/api/photos")]
    [InlineData("PUT", "/api/photos/me/order")]
    [InlineData("GET", "/api/photos/00000000-0000-0000-0000-000000000001")]
    [InlineData("GET", "/api/photos/00000000-0000-0000-0000-000000000001/thumbnail")]
    [InlineData("DELETE", "/api/photos/00000000-0000-0000-0000-000000000001")]
    public async Task Every_route_needs_a_valid_token(string method, string path)
    {
        using var http = service.CreateAnonymousClient();
        using var anonymous = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        using var forged = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Headers = { Authorization = new("Bearer", "not-a-real-token") },
        });

        await anonymous.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await forged.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}
