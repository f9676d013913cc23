using Dating.Photos.Data;
using Dating.Photos.Library;
using Dating.Photos.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dating.Photos.Processing;

/// <summary>
/// Ends photos whose processing never finished: a message that exhausted its retries sits in the
/// <c>_error</c> queue, and without this sweep its photo would say <c>processing</c> for ever and hold
/// one of the user's nine places. Past <see cref="PhotoOptions.ProcessingTimeout"/> such a photo becomes
/// <c>failed</c> and its blobs go. Every replica sweeps; the user's lock makes them agree.
/// </summary>
internal sealed class StalledPhotoSweep(
    IServiceScopeFactory scopes,
    PhotoBlobStore blobs,
    IOptions<PhotoOptions> options,
    TimeProvider time,
    ILogger<StalledPhotoSweep> logger) : BackgroundService
{
    public const string Reason = "Processing did not complete. Upload the photo again.";

    private const int BatchSize = 100;

    /// <summary>One pass; returns how many photos it ended.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken ct)
    {
        var cutoff = time.GetUtcNow() - options.Value.ProcessingTimeout;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PhotosDbContext>();
        var stalled = await db.Photos.AsNoTracking()
            .Where(p => p.Status == PhotoStatus.Processing && p.UploadedAt < cutoff)
            .OrderBy(p => p.UploadedAt)
            .Select(p => new { p.Id, p.UserId })
            .Take(BatchSize)
            .ToListAsync(ct);

        var ended = 0;
        foreach (var photo in stalled)
        {
            if (await FailAsync(db, photo.Id, photo.UserId, cutoff, ct))
            {
                ended++;
                await blobs.DeletePhotoAsync(photo.UserId, photo.Id, ct);
                logger.LogWarning("Photo {PhotoId} was still processing after {Timeout}: marked failed.", photo.Id, options.Value.ProcessingTimeout);
            }
        }

        return ended;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.StalledSweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database or the blob store is away: the next tick tries again.
                logger.LogWarning(exception, "The stalled photo sweep failed; it runs again in {Interval}.", options.Value.StalledSweepInterval);
            }
        }
    }

    private async Task<bool> FailAsync(PhotosDbContext db, Guid photoId, Guid userId, DateTimeOffset cutoff, CancellationToken ct) =>
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.LockUserPhotosAsync(userId, ct);
            var photo = await db.Photos.SingleOrDefaultAsync(p => p.Id == photoId, ct);
            if (photo is not { Status: PhotoStatus.Processing } || photo.UploadedAt >= cutoff)
            {
                return false;
            }

            photo.Status = PhotoStatus.Failed;
            photo.FailureReason = Reason;
            photo.ProcessedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        });
}
