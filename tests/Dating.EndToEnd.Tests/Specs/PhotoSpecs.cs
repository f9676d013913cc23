using System.Net;
using System.Text;
using System.Text.Json;
using Dating.EndToEnd.Tests.Client;
using Dating.EndToEnd.Tests.Stacks;
using Dating.Testing;

namespace Dating.EndToEnd.Tests.Specs;

public abstract class PhotoSpecs(TopologyStack stack) : ApiSpec(stack)
{
    [Fact]
    public async Task Jpeg_and_png_uploads_become_ready_with_signed_urls_and_show_on_the_profile_in_order()
    {
        var place = Place.Somewhere();
        var ida = await RegisterAsync(Person.Woman("Ida", place));
        var jon = await RegisterAsync(Person.Man("Jon", place));

        var jpeg = (await ida.UploadAsync(TestImages.Jpeg(), "beach.jpg", "image/jpeg")).ShouldBe(HttpStatusCode.Accepted);
        jpeg.String("status").ShouldBe("processing");
        var png = (await ida.UploadAsync(TestImages.Png(), "portrait.png", "image/png")).ShouldBe(HttpStatusCode.Accepted);
        png.String("status").ShouldBe("processing");
        Guid[] uploaded = [jpeg.Guid("photoId"), png.Guid("photoId")];

        var mine = await Eventually.GetAsync(() => ida.GetAsync("/api/photos/me"),
            r => r.Body.Items().Count == 2 && r.Body.Items().All(p => p.String("status") == "ready"), "both photos to be ready");
        mine.Body.Ids("photoId").ShouldBe(uploaded);
        mine.Body.Items().Select(p => p.GetProperty("position").GetInt32()).ShouldBe([0, 1]);
        foreach (var photo in mine.Body.Items())
        {
            await ShouldServeAnImageAsync(photo.String("url")!);
            await ShouldServeAnImageAsync(photo.String("thumbnailUrl")!);
        }

        // Anyone signed in may see a ready photo, with its own signed URLs.
        var seen = (await jon.GetAsync($"/api/photos/{uploaded[1]}")).ShouldBe(HttpStatusCode.OK);
        seen.Guid("photoId").ShouldBe(uploaded[1]);
        seen.Guid("userId").ShouldBe(ida.UserId);
        seen.String("status").ShouldBe("ready");
        await ShouldServeAnImageAsync(seen.String("url")!);
        await ShouldServeAnImageAsync(seen.String("thumbnailUrl")!);

        // The public profile lists them in order, and the first is on her recommendation card; a new order moves both.
        await Eventually.GetAsync(() => jon.GetAsync($"/api/profiles/{ida.UserId}"),
            r => r.Status == HttpStatusCode.OK && r.Body.GetProperty("photos").Ids("photoId").SequenceEqual(uploaded), "the photos on Ida's profile");
        var card = await CardWithPhotoAsync(jon, ida, uploaded[0]);
        var thumbnail = await jon.DownloadAsync(card.String("photoUrl")!);
        thumbnail.Status.ShouldBe(HttpStatusCode.OK);
        IsImage(thumbnail.Content).ShouldBeTrue("the card's photo link leads to an image");

        (await ida.PutAsync("/api/photos/me/order", new { photoIds = Enumerable.Reverse(uploaded).ToArray() })).ShouldBe(HttpStatusCode.OK);
        (await ida.GetAsync("/api/photos/me")).ShouldBe(HttpStatusCode.OK).Ids("photoId").ShouldBe(Enumerable.Reverse(uploaded));
        await Eventually.GetAsync(() => jon.GetAsync($"/api/profiles/{ida.UserId}"),
            r => r.Body.GetProperty("photos").Ids("photoId").SequenceEqual(Enumerable.Reverse(uploaded)), "the new order on Ida's profile");
        await CardWithPhotoAsync(jon, ida, uploaded[1]);
        (await ida.PutAsync("/api/photos/me/order", new { photoIds = new[] { uploaded[0] } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "photoIds");

        // Only the owner deletes.
        (await jon.DeleteAsync($"/api/photos/{uploaded[0]}")).ShouldBeProblem(HttpStatusCode.NotFound);
        (await ida.DeleteAsync($"/api/photos/{uploaded[0]}")).ShouldBe(HttpStatusCode.NoContent);
        (await ida.GetAsync("/api/photos/me")).ShouldBe(HttpStatusCode.OK).Ids("photoId").ShouldBe([uploaded[1]]);
        (await jon.GetAsync($"/api/photos/{uploaded[0]}")).ShouldBeProblem(HttpStatusCode.NotFound);
        await Eventually.GetAsync(() => jon.GetAsync($"/api/profiles/{ida.UserId}"),
            r => r.Body.GetProperty("photos").Ids("photoId").SequenceEqual([uploaded[1]]), "the deleted photo to leave Ida's profile");
    }

    [Fact]
    public async Task Content_that_is_not_an_image_or_over_10_MiB_is_refused_and_nothing_is_stored()
    {
        var kim = await RegisterAsync(Person.Woman("Kim", Place.Somewhere()));
        var text = Encoding.UTF8.GetBytes("<html><body>definitely not a photo</body></html>");

        (await kim.UploadAsync(text, "holiday.jpg", "image/jpeg")).ShouldBeProblem(HttpStatusCode.BadRequest);
        var tooLarge = new byte[(10 * 1024 * 1024) + 1];
        TestImages.Jpeg().CopyTo(tooLarge, 0);
        (await kim.UploadAsync(tooLarge, "huge.jpg", "image/jpeg")).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge);
        (await kim.GetAsync("/api/photos/me")).ShouldBe(HttpStatusCode.OK).Items().ShouldBeEmpty();
        (await kim.GetAsync($"/api/photos/{Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    private static async Task<JsonElement> CardWithPhotoAsync(ApiClient viewer, ApiClient owner, Guid photoId)
    {
        var recommendations = await Eventually.GetAsync(() => viewer.GetAsync("/api/matching/recommendations"),
            r => r.Status == HttpStatusCode.OK && r.Body.Items().Any(c => c.Guid("userId") == owner.UserId && c.Optional("photoUrl")?.Contains(photoId.ToString()) == true),
            $"photo {photoId} on {owner.Name}'s card");
        return recommendations.Body.Items().Single(c => c.Guid("userId") == owner.UserId);
    }

    private static async Task ShouldServeAnImageAsync(string signedUrl)
    {
        // A signed URL is the whole credential: no session token goes with it.
        using var anyone = new HttpClient();
        using var response = await anyone.GetAsync(signedUrl, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, signedUrl);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        IsImage(bytes).ShouldBeTrue($"{signedUrl} served {bytes.Length} bytes of {response.Content.Headers.ContentType}");
    }

    // JPEG, PNG or WebP by their magic numbers.
    private static bool IsImage(byte[] bytes) =>
        bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })
        || bytes.AsSpan().StartsWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' })
        || (bytes.Length > 12 && Encoding.ASCII.GetString(bytes, 0, 4) == "RIFF" && Encoding.ASCII.GetString(bytes, 8, 4) == "WEBP");
}
