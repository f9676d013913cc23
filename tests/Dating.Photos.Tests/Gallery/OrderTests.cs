using System.Net;
using System.Net.Http.Json;
using Dating.Contracts.Photos;
using Dating.Photos.Tests.Infrastructure;
using Dating.Testing;

namespace Dating.Photos.Tests.Gallery;

public sealed class OrderTests(PhotosServiceFixture service) : IClassFixture<PhotosServiceFixture>
{
    [Fact]
    public async Task Reordering_changes_the_primary_photo_and_publishes_PrimaryPhotoChanged()
    {
        await using var probe = await EventProbe.StartAsync(service.Backing.RabbitMqConnectionString);
        using var me = await service.SignInAsync();
        var first = await me.UploadReadyAsync(TestImages.Png());
        var second = await me.UploadReadyAsync(TestImages.Jpeg());
        var third = await me.UploadReadyAsync(TestImages.Png(30, 20));
        await probe.WaitAsync<PrimaryPhotoChanged>(e => e.UserId == me.UserId && e.PhotoId == first);

        using var response = await me.Http.PutAsJsonAsync("/api/photos/me/order", new { photoIds = new[] { third, first, second } });

        var ordered = await response.ShouldBeJsonAsync<List<MyPhoto>>(HttpStatusCode.OK);
        ordered.Select(p => (p.PhotoId, p.Position)).ShouldBe([(third, 0), (first, 1), (second, 2)]);
        (await me.MineAsync()).Select(p => p.PhotoId).ShouldBe([third, first, second]);
        await probe.WaitAsync<PrimaryPhotoChanged>(e => e.UserId == me.UserId && e.PhotoId == third);
    }

    [Fact]
    public async Task Reordering_that_keeps_the_primary_publishes_nothing()
    {
        await using var probe = await EventProbe.StartAsync(service.Backing.RabbitMqConnectionString);
        using var me = await service.SignInAsync();
        var first = await me.UploadReadyAsync(TestImages.Png());
        var second = await me.UploadReadyAsync(TestImages.Png());
        var third = await me.UploadReadyAsync(TestImages.Png());
        await probe.WaitAsync<PrimaryPhotoChanged>(e => e.UserId == me.UserId && e.PhotoId == first);

        using var response = await me.Http.PutAsJsonAsync("/api/photos/me/order", new { photoIds = new[] { first, third, second } });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var marker = await me.Http.PutAsJsonAsync("/api/photos/me/order", new { photoIds = new[] { second, first, third } });
        marker.StatusCode.ShouldBe(HttpStatusCode.OK);

        // Events leave in commit order: once the second reorder's event is here, the first one's would be too.
        await probe.WaitAsync<PrimaryPhotoChanged>(e => e.UserId == me.UserId && e.PhotoId == second);
        probe.All<PrimaryPhotoChanged>(e => e.UserId == me.UserId).Select(e => e.PhotoId).ShouldBe([first, second]);
    }

    [Fact]
    public async Task An_order_that_is_not_exactly_my_photos_is_refused_with_400()
    {
        using var me = await service.SignInAsync();
        using var other = await service.SignInAsync();
        var a = await me.UploadAcceptedAsync(TestImages.Png());
        var b = await me.UploadAcceptedAsync(TestImages.Png());
        var foreign = await other.UploadAcceptedAsync(TestImages.Png());

        object[] bodies =
        [
            new { photoIds = new[] { a } },
            new { photoIds = new[] { a, b, b } },
            new { photoIds = new[] { a, foreign } },
            new { photoIds = new[] { a, b, Guid.NewGuid() } },
            new { photoIds = Array.Empty<Guid>() },
            new { },
            new { photoIds = new[] { "not-a-guid" } },
        ];
        foreach (var body in bodies)
        {
            using var response = await me.Http.PutAsJsonAsync("/api/photos/me/order", body);
            await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        }

        (await me.MineAsync()).Select(p => p.PhotoId).ShouldBe([a, b]);
    }
}
