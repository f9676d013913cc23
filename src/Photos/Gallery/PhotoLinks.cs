using Dating.Photos.Library;
using Dating.Photos.Storage;

namespace Dating.Photos.Gallery;

/// <summary>Builds responses with fresh signed URLs, for ready photos only.</summary>
internal sealed class PhotoLinks(PhotoBlobStore blobs)
{
    public Uri? Url(Photo photo, PhotoVariant variant) =>
        photo.Status == PhotoStatus.Ready ? blobs.SignedUrl(photo.UserId, photo.Id, variant) : null;

    public MyPhotoResponse Mine(Photo photo) => new(
        photo.Id, photo.Status, photo.Position, Url(photo, PhotoVariant.Image), Url(photo, PhotoVariant.Thumbnail), photo.FailureReason);

    public List<MyPhotoResponse> Mine(IEnumerable<Photo> photos) => [.. photos.OrderBy(p => p.Position).Select(Mine)];

    public PhotoResponse Public(Photo photo) => new(
        photo.Id, photo.UserId, photo.Status, Url(photo, PhotoVariant.Image), Url(photo, PhotoVariant.Thumbnail));
}
