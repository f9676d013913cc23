using Dating.Contracts.Photos;
using Dating.Photos.Tests.Infrastructure;

namespace Dating.Photos.Tests.Processing;

public sealed class ReplicaTests(PhotosServiceFixture service) : IClassFixture<PhotosServiceFixture>
{
    [Fact]
    public async Task Two_replicas_compete_for_uploads_and_each_photo_is_processed_exactly_once()
    {
        await using var probe = await EventProbe.StartAsync(service.Backing.RabbitMqConnectionString);
        await using var second = new PhotosHost(service.Configuration);
        second.StartServer();
        using var client = await service.SignInAsync();

        var photoIds = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            photoIds.Add(await client.UploadAcceptedAsync(TestImages.Jpeg(900, 700)));
        }

        foreach (var photoId in photoIds)
        {
            (await client.WaitProcessedAsync(photoId)).Status.ShouldBe("ready");
            await probe.WaitAsync<PhotoReady>(e => e.PhotoId == photoId);
        }

        // The primary is decided under the user's lock, so replicas finishing together agree on it: a later photo
        // may be primary for a moment (it was ready first), but the changes form one sequence ending at the first photo.
        await probe.WaitAsync<PrimaryPhotoChanged>(e => e.UserId == client.UserId && e.PhotoId == photoIds[0]);
        await service.EarlierEventsArrivedAsync(probe, service.Host, second);
        probe.All<PhotoReady>(e => e.UserId == client.UserId).Count.ShouldBe(6);
        var changes = probe.All<PrimaryPhotoChanged>(e => e.UserId == client.UserId).OrderBy(e => e.OccurredAt).Select(e => e.PhotoId).ToList();
        changes[^1].ShouldBe(photoIds[0]);
        changes.Zip(changes.Skip(1)).ShouldAllBe(pair => pair.First != pair.Second, "only real changes are published");
        (await service.SettledBlobsAsync(client.UserId, 12)).Count.ShouldBe(12, "an image and a thumbnail each; originals go once processed");
    }
}
