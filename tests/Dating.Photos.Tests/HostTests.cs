using System.Net;
using Dating.Photos.Tests.Infrastructure;

namespace Dating.Photos.Tests;

public sealed class HostTests(PhotosServiceFixture service) : IClassFixture<PhotosServiceFixture>
{
    [Fact]
    public async Task The_host_is_ready_and_publishes_its_openapi_document()
    {
        using var http = service.CreateAnonymousClient();

        using var health = await http.GetAsync("/health");
        using var openApi = await http.GetAsync("/openapi/v1.json");

        health.StatusCode.ShouldBe(HttpStatusCode.OK, await health.Content.ReadAsStringAsync());
        openApi.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await openApi.Content.ReadAsStringAsync();
        foreach (var operation in new[] { "UploadPhoto", "GetMyPhotos", "ReorderMyPhotos", "GetPhoto", "GetPhotoImage", "GetPhotoThumbnail", "DeletePhoto" })
        {
            document.ShouldContain($"\"{operation}\"");
        }
    }
}
