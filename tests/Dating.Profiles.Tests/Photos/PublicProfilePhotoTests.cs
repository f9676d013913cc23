using System.Net;
using System.Text.Json;
using Dating.Contracts.Photos;
using Dating.Profiles.Tests.Infrastructure;

namespace Dating.Profiles.Tests.Photos;

/// <summary>
/// Photo events arrive from Photos on the real bus, out of order or twice; the public profile lists the ready
/// photos, primary first, by their stable image routes, and shows a change on the very next read (no stale cache).
/// </summary>
public sealed class PublicProfilePhotoTests(ProfilesServiceFixture service) : IClassFixture<ProfilesServiceFixture>
{
    private readonly DateTimeOffset _start = DateTimeOffset.UtcNow;

    [Fact]
    public async Task Ready_photos_are_listed_primary_first_then_in_the_order_they_became_ready()
    {
        using var client = service.CreateClient();
        var owner = await client.RegisterAsync();
        var viewer = await client.RegisterAsync();
        (await PhotosAsync(client, owner, viewer)).ShouldBeEmpty();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();

        await service.PublishAndWaitAsync(new PhotoReady(first, owner.UserId, _start));
        await service.PublishAndWaitAsync(new PhotoReady(second, owner.UserId, _start.AddSeconds(1)));
        (await PhotosAsync(client, owner, viewer)).ShouldBe([Shown(first), Shown(second)]);

        await service.PublishAndWaitAsync(new PrimaryPhotoChanged(owner.UserId, second, _start.AddSeconds(2)));
        (await PhotosAsync(client, owner, viewer)).ShouldBe([Shown(second), Shown(first)]);
    }

    [Fact]
    public async Task A_deleted_photo_disappears_and_a_late_PhotoReady_does_not_bring_it_back()
    {
        using var client = service.CreateClient();
        var owner = await client.RegisterAsync();
        var viewer = await client.RegisterAsync();
        var kept = Guid.NewGuid();
        var deleted = Guid.NewGuid();
        await service.PublishAndWaitAsync(new PhotoReady(kept, owner.UserId, _start));
        var deletedReady = new PhotoReady(deleted, owner.UserId, _start.AddSeconds(1));
        var deletedReadyId = await service.PublishAndWaitAsync(deletedReady);
        await service.PublishAndWaitAsync(new PrimaryPhotoChanged(owner.UserId, deleted, _start.AddSeconds(2)));
        (await PhotosAsync(client, owner, viewer)).ShouldBe([Shown(deleted), Shown(kept)]);

        await service.PublishAndWaitAsync(new PhotoDeleted(deleted, owner.UserId, _start.AddSeconds(3)));
        (await PhotosAsync(client, owner, viewer)).ShouldBe([Shown(kept)]);

        // The same PhotoReady redelivered, and a later copy of it under a new message id.
        await service.PublishAndWaitAsync(deletedReady, deletedReadyId);
        await service.PublishAndWaitAsync(deletedReady with { OccurredAt = _start.AddSeconds(4) });
        (await PhotosAsync(client, owner, viewer)).ShouldBe([Shown(kept)]);
    }

    [Fact]
    public async Task A_photo_deleted_before_its_PhotoReady_arrives_is_never_shown()
    {
        using var client = service.CreateClient();
        var owner = await client.RegisterAsync();
        var viewer = await client.RegisterAsync();
        var shown = Guid.NewGuid();
        var gone = Guid.NewGuid();

        await service.PublishAndWaitAsync(new PhotoDeleted(gone, owner.UserId, _start.AddSeconds(5)));
        await service.PublishAndWaitAsync(new PhotoReady(gone, owner.UserId, _start));
        await service.PublishAndWaitAsync(new PhotoReady(shown, owner.UserId, _start.AddSeconds(1)));

        (await PhotosAsync(client, owner, viewer)).ShouldBe([Shown(shown)]);
    }

    [Fact]
    public async Task An_older_PrimaryPhotoChanged_arriving_late_does_not_win()
    {
        using var client = service.CreateClient();
        var owner = await client.RegisterAsync();
        var viewer = await client.RegisterAsync();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await service.PublishAndWaitAsync(new PhotoReady(first, owner.UserId, _start));
        await service.PublishAndWaitAsync(new PhotoReady(second, owner.UserId, _start.AddSeconds(1)));

        await service.PublishAndWaitAsync(new PrimaryPhotoChanged(owner.UserId, second, _start.AddSeconds(10)));
        await service.PublishAndWaitAsync(new PrimaryPhotoChanged(owner.UserId, first, _start.AddSeconds(5)));

        (await PhotosAsync(client, owner, viewer)).ShouldBe([Shown(second), Shown(first)]);
    }

    private static (Guid PhotoId, string Url) Shown(Guid photoId) => (photoId, $"/api/photos/{photoId}/image");

    // Read from the raw JSON, so the property names are checked exactly as API.md spells them.
    private static async Task<List<(Guid PhotoId, string Url)>> PhotosAsync(ProfilesClient client, SessionResult owner, SessionResult viewer)
    {
        using var response = await client.GetAsync($"/api/profiles/{owner.UserId}", viewer.Token);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        using var json = JsonDocument.Parse(text);
        return
        [
            .. json.RootElement.GetProperty("photos").EnumerateArray()
                .Select(photo => (photo.GetProperty("photoId").GetGuid(), photo.GetProperty("url").GetString()!)),
        ];
    }
}
