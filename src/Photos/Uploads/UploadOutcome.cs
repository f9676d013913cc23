namespace Dating.Photos.Uploads;

/// <summary>What became of an upload; the endpoint turns it into its answer.</summary>
internal abstract record UploadOutcome
{
    public sealed record Kept(Guid PhotoId) : UploadOutcome;

    /// <summary>The user reached the photo limit while this one streamed.</summary>
    public sealed record TooManyPhotos : UploadOutcome;

    /// <summary>The client's side failed (too large, a broken or truncated body), not the blob store.</summary>
    public sealed record ClientFault(Exception Fault) : UploadOutcome;
}
