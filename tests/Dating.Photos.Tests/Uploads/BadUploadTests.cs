using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dating.Photos.Tests.Infrastructure;
using Dating.Testing;

namespace Dating.Photos.Tests.Uploads;

/// <summary>Hostile or broken uploads: a 4xx problem or a <c>failed</c> photo, never a 5xx, never a blob left behind.</summary>
public sealed class BadUploadTests(PhotosServiceFixture service) : IClassFixture<PhotosServiceFixture>
{
    [Fact]
    public async Task A_text_file_named_jpg_is_refused_with_400_and_nothing_is_stored()
    {
        using var client = await service.SignInAsync();

        using var response = await client.UploadAsync(Encoding.UTF8.GetBytes("just some text, honestly a photo"), "holiday.jpg", "image/jpeg");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await ShouldHaveNothingStoredAsync(client);
    }

    [Fact]
    public async Task A_body_of_11_MiB_is_refused_with_413_and_nothing_is_stored()
    {
        using var client = await service.SignInAsync();
        var content = new byte[11 * 1024 * 1024];
        TestImages.Jpeg()[..3].CopyTo(content, 0); // a JPEG signature, so only the size is wrong

        using var response = await client.UploadAsync(content, expectContinue: true);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await ShouldHaveNothingStoredAsync(client);
    }

    [Fact]
    public async Task A_file_just_over_10_MiB_inside_the_request_limit_is_refused_with_413()
    {
        using var client = await service.SignInAsync();
        var content = new byte[10 * 1024 * 1024 + 1];
        TestImages.Jpeg()[..3].CopyTo(content, 0);

        using var response = await client.UploadAsync(content);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await ShouldHaveNothingStoredAsync(client);
    }

    [Fact]
    public async Task A_truncated_image_ends_failed_and_its_blobs_are_removed()
    {
        using var client = await service.SignInAsync();
        var jpeg = TestImages.Jpeg(1200, 900);

        var photoId = await client.UploadAcceptedAsync(jpeg[..(jpeg.Length / 2)]);
        var photo = await client.WaitProcessedAsync(photoId);

        photo.Status.ShouldBe("failed");
        photo.FailureReason.ShouldNotBeNullOrWhiteSpace();
        photo.Url.ShouldBeNull();
        (await service.ListBlobsAsync(client.UserId)).ShouldBeEmpty();
        await ShouldBeHealthyAsync();
    }

    [Fact]
    public async Task A_decompression_bomb_ends_failed_without_being_decoded()
    {
        using var client = await service.SignInAsync();
        var bomb = TestImages.PngBomb();
        bomb.Length.ShouldBeLessThan(100 * 1024, "it compresses tiny");

        var photoId = await client.UploadAcceptedAsync(bomb, "bomb.png");
        var photo = await client.WaitProcessedAsync(photoId);

        photo.Status.ShouldBe("failed");
        photo.FailureReason.ShouldNotBeNull().ShouldContain("30000x30000");
        (await service.ListBlobsAsync(client.UserId)).ShouldBeEmpty();
        await ShouldBeHealthyAsync();
    }

    [Fact]
    public async Task A_request_that_is_not_multipart_is_refused_with_415()
    {
        using var client = await service.SignInAsync();
        var body = new ByteArrayContent(TestImages.Png());
        body.Headers.ContentType = new MediaTypeHeaderValue("image/png");

        using var response = await client.Http.PostAsync("/api/photos", body);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await ShouldHaveNothingStoredAsync(client);
    }

    [Fact]
    public async Task A_form_without_a_file_field_is_refused_with_400()
    {
        using var client = await service.SignInAsync();
        var form = new MultipartFormDataContent { { new ByteArrayContent(TestImages.Png()), "picture", "a.png" } };

        using var response = await client.Http.PostAsync("/api/photos", form);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await ShouldHaveNothingStoredAsync(client);
    }

    [Fact]
    public async Task A_multipart_body_cut_off_mid_file_is_refused_with_400_and_nothing_is_stored()
    {
        using var client = await service.SignInAsync();
        var head = Encoding.ASCII.GetBytes("--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n");
        var png = TestImages.Png(400, 300);
        var body = new ByteArrayContent([.. head, .. png]); // no closing boundary
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=cut");

        using var response = await client.Http.PostAsync("/api/photos", body);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await ShouldHaveNothingStoredAsync(client);
    }

    [Fact]
    public async Task A_tenth_photo_is_refused_with_409_and_not_stored()
    {
        using var client = await service.SignInAsync();
        var png = TestImages.Png(16, 16);
        for (var i = 0; i < 9; i++)
        {
            await client.UploadAcceptedAsync(png);
        }

        using var response = await client.UploadAsync(png);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var rows = await service.RowsAsync(client.UserId);
        rows.Count.ShouldBe(9);
        (await service.ListBlobsAsync(client.UserId)).ShouldAllBe(
            name => rows.Any(row => name.Contains(row.Id.ToString())), "no blob of the refused tenth upload");
    }

    private async Task ShouldHaveNothingStoredAsync(PhotosClient client)
    {
        (await service.ListBlobsAsync(client.UserId)).ShouldBeEmpty();
        (await service.RowsAsync(client.UserId)).ShouldBeEmpty();
        (await client.MineAsync()).ShouldBeEmpty();
        await ShouldBeHealthyAsync();
    }

    private async Task ShouldBeHealthyAsync()
    {
        using var http = service.CreateAnonymousClient();
        using var health = await http.GetAsync("/health");
        health.StatusCode.ShouldBe(HttpStatusCode.OK, await health.Content.ReadAsStringAsync());
    }
}
