namespace Dating.Matching.Candidates;

/// <summary>A tombstone: a late profile or photo event must not bring a deleted account back.</summary>
internal sealed class DeletedUser
{
    public Guid UserId { get; set; }

    public DateTimeOffset DeletedAt { get; set; }
}
