using Dating.BuildingBlocks.Messaging;
using Dating.Contracts.Photos;
using Dating.Photos.Data;
using Dating.Photos.Library;
using Microsoft.EntityFrameworkCore;

namespace Dating.Photos.Gallery;

/// <summary>
/// Puts a user's photos in a new order under the user's lock, so the ids are checked against the gallery as it
/// is when the order is written; PrimaryPhotoChanged commits with the positions when the first ready photo changes.
/// </summary>
internal sealed class PhotoOrdering(PhotosDbContext db, PhotoLinks links, TimeProvider time)
{
    /// <param name="ids">Distinct ids, first to last.</param>
    /// <returns>The photos in their new order; null when the ids are not exactly those of the user's photos.</returns>
    public Task<List<MyPhotoResponse>?> ReorderAsync(Guid userId, IReadOnlyList<Guid> ids, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.LockUserPhotosAsync(userId, ct);
            var photos = await db.Photos.Where(p => p.UserId == userId).ToListAsync(ct);
            if (photos.Count != ids.Count || !photos.All(p => ids.Contains(p.Id)))
            {
                return null;
            }

            var primaryBefore = PrimaryPhoto.Of(photos);
            var positions = ids.Select((id, position) => (id, position)).ToDictionary(p => p.id, p => p.position);
            foreach (var photo in photos)
            {
                photo.Position = positions[photo.Id];
            }

            var primaryAfter = PrimaryPhoto.Of(photos);
            if (primaryAfter != primaryBefore)
            {
                db.AddIntegrationEvent(new PrimaryPhotoChanged(userId, primaryAfter, time.GetUtcNow()));
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return links.Mine(photos);
        });
}
