namespace Dating.Profiles.Photos;

/// <summary>The user's primary photo as of the latest PrimaryPhotoChanged (by OccurredAt, so an older event arriving late loses).</summary>
internal sealed class PrimaryPhoto
{
    public Guid UserId { get; init; }

    public Guid? PhotoId { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
