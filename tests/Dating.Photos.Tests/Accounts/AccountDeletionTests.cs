using Dating.Contracts.Profiles;
using Dating.Photos.Tests.Infrastructure;
using Dating.Photos.Tests.Processing;
using Dating.Testing;

namespace Dating.Photos.Tests.Accounts;

public sealed class AccountDeletionTests(PhotosServiceFixture service) : IClassFixture<PhotosServiceFixture>
{
    [Fact]
    public async Task Deleting_an_account_removes_all_its_blobs_and_rows_and_nobody_elses()
    {
        using var leaving = await service.SignInAsync();
        using var staying = await service.SignInAsync();
        await leaving.UploadReadyAsync(TestImages.Jpeg());
        await leaving.UploadReadyAsync(TestImages.Png());
        var failed = await leaving.UploadAcceptedAsync(TestImages.PngBomb());
        await leaving.WaitProcessedAsync(failed);
        var kept = await staying.UploadReadyAsync(TestImages.Png());
        (await service.SettledBlobsAsync(leaving.UserId, 4)).Count.ShouldBe(4);

        await service.PublishAsync(new ProfileDeleted(leaving.UserId, DateTimeOffset.UtcNow));

        await Eventually.UntilAsync(async () => (await service.RowsAsync(leaving.UserId)).Count == 0, "the leaving user's rows to go");
        (await service.ListBlobsAsync(leaving.UserId)).ShouldBeEmpty();
        (await staying.MineAsync()).Select(p => p.PhotoId).ShouldBe([kept]);
        (await service.SettledBlobsAsync(staying.UserId, 2)).Count.ShouldBe(2);
    }
}
