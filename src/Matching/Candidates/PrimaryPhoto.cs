namespace Dating.Matching.Candidates;

/// <summary>A user's primary photo, kept apart from the card because photo events may arrive before the profile.</summary>
internal sealed class PrimaryPhoto
{
    public Guid UserId { get; set; }

    public Guid? PhotoId { get; set; }

    /// <summary>OccurredAt of the photo event this row reflects; older events are ignored.</summary>
    public DateTimeOffset Version { get; set; }
}
