using Dating.Contracts.Photos;
using Dating.Photos.Storage;
using MassTransit;

namespace Dating.Photos.IntegrationEvents;

/// <summary>
/// Deleting a photo removes its blobs at once; this consumer of the module's own <see cref="PhotoDeleted"/>
/// finishes the job (with retries) when the blob store failed at that moment, or the process died.
/// </summary>
internal sealed class DeletedPhotoBlobsConsumer(PhotoBlobStore blobs) : IConsumer<PhotoDeleted>
{
    public Task Consume(ConsumeContext<PhotoDeleted> context) =>
        blobs.DeletePhotoAsync(context.Message.UserId, context.Message.PhotoId, context.CancellationToken);
}
