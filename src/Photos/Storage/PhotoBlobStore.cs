using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Dating.Photos.Library;
using Microsoft.Extensions.Options;

namespace Dating.Photos.Storage;

/// <summary>
/// The photos' blobs in Azure Blob Storage. Blobs are immutable: each is created once (If-None-Match: *)
/// and never overwritten; readers get signed URLs to exactly one re-encoded blob.
/// </summary>
internal sealed class PhotoBlobStore(BlobServiceClient service, IOptions<PhotoOptions> options, TimeProvider time)
{
    private const int BlockBytes = 1024 * 1024;

    // Small blocks, one at a time: an upload holds about one block in memory, never the whole file.
    private static readonly StorageTransferOptions Streaming = new()
    {
        InitialTransferSize = BlockBytes,
        MaximumTransferSize = BlockBytes,
        MaximumConcurrency = 1,
    };

    private BlobContainerClient Originals => service.GetBlobContainerClient(BlobNames.OriginalsContainer);

    private BlobContainerClient Images => service.GetBlobContainerClient(BlobNames.ImagesContainer);

    public async Task EnsureContainersAsync(CancellationToken ct)
    {
        await Originals.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: ct);
        await Images.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: ct);
    }

    public async Task<bool> ContainersExistAsync(CancellationToken ct) =>
        await Originals.ExistsAsync(ct) && await Images.ExistsAsync(ct);

    public Task UploadOriginalAsync(Guid userId, Guid photoId, Stream content, string contentType, CancellationToken ct) =>
        Originals.GetBlobClient(BlobNames.Original(userId, photoId)).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            TransferOptions = Streaming,
        }, ct);

    /// <summary>The original's bytes, or null when it is gone (the photo was deleted meanwhile).</summary>
    public async Task<BinaryData?> DownloadOriginalAsync(Guid userId, Guid photoId, CancellationToken ct)
    {
        try
        {
            var download = await Originals.GetBlobClient(BlobNames.Original(userId, photoId)).DownloadContentAsync(ct);
            return download.Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Stores a re-encoded variant; a retried processing run finds it already there and keeps it.</summary>
    public async Task PutVariantAsync(Guid userId, Guid photoId, PhotoVariant variant, byte[] jpeg, CancellationToken ct)
    {
        try
        {
            await Images.GetBlobClient(BlobNames.Of(userId, photoId, variant)).UploadAsync(BinaryData.FromBytes(jpeg), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "image/jpeg", CacheControl = "private, max-age=900" },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, ct);
        }
        catch (RequestFailedException e) when (e.Status == 409 && e.ErrorCode == BlobErrorCode.BlobAlreadyExists)
        {
            // Written by an earlier attempt of the same processing run: identical content, keep it.
        }
    }

    /// <summary>A read-only URL to exactly this blob, valid for <see cref="PhotoOptions.SignedUrlLifetime"/>.</summary>
    public Uri SignedUrl(Guid userId, Guid photoId, PhotoVariant variant)
    {
        var blob = Images.GetBlobClient(BlobNames.Of(userId, photoId, variant));
        if (!blob.CanGenerateSasUri)
        {
            throw new InvalidOperationException("ConnectionStrings:blobs must carry an account key to sign URLs.");
        }

        return blob.GenerateSasUri(BlobSasPermissions.Read, time.GetUtcNow() + options.Value.SignedUrlLifetime);
    }

    /// <summary>The upload as received may carry EXIF and GPS; once re-encoded copies exist, it goes.</summary>
    public Task DeleteOriginalAsync(Guid userId, Guid photoId, CancellationToken ct) =>
        Originals.DeleteBlobIfExistsAsync(BlobNames.Original(userId, photoId), DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct);

    public Task DeletePhotoAsync(Guid userId, Guid photoId, CancellationToken ct) =>
        DeleteUnderAsync(BlobNames.PhotoPrefix(userId, photoId), ct);

    public Task DeleteUserAsync(Guid userId, CancellationToken ct) => DeleteUnderAsync(BlobNames.UserPrefix(userId), ct);

    private async Task DeleteUnderAsync(string prefix, CancellationToken ct)
    {
        foreach (var container in new[] { Originals, Images })
        {
            await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, ct))
            {
                await container.DeleteBlobIfExistsAsync(item.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct);
            }
        }
    }
}
