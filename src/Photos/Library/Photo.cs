namespace Dating.Photos.Library;

/// <summary>One uploaded photo of a user: its state and the names of its immutable blobs.</summary>
internal sealed class Photo
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public PhotoStatus Status { get; set; }

    /// <summary>0-based place in the user's gallery; the first ready photo is the primary one.</summary>
    public int Position { get; set; }

    /// <summary>The media type recognised from the upload's bytes.</summary>
    public required string OriginalContentType { get; init; }

    public long OriginalSizeBytes { get; init; }

    public int? Width { get; set; }

    public int? Height { get; set; }

    public string? FailureReason { get; set; }

    public DateTimeOffset UploadedAt { get; init; }

    public DateTimeOffset? ProcessedAt { get; set; }
}
