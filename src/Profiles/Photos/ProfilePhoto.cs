namespace Dating.Profiles.Photos;

/// <summary>
/// A photo as Photos announced it. Shown while ready and not deleted; a deleted photo stays as a tombstone,
/// so a late or redelivered PhotoReady cannot bring it back (photo ids are never reused).
/// </summary>
internal sealed class ProfilePhoto
{
    public Guid PhotoId { get; init; }

    public Guid UserId { get; init; }

    /// <summary>When it became ready; null while only its deletion is known.</summary>
    public DateTimeOffset? ReadyAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }
}
