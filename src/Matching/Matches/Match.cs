using Dating.Contracts.Matching;

namespace Dating.Matching.Matches;

/// <summary>Two users who liked each other; <see cref="UserA"/> sorts before <see cref="UserB"/> as PostgreSQL orders uuids.</summary>
internal sealed class Match
{
    public Guid Id { get; set; }

    public Guid UserA { get; set; }

    public Guid UserB { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public MatchEndReason? EndReason { get; set; }

    public bool Involves(Guid userId) => UserA == userId || UserB == userId;

    public Guid Other(Guid userId) => UserA == userId ? UserB : UserA;

    public MatchEnded End(MatchEndReason reason, DateTimeOffset now)
    {
        EndedAt = now;
        EndReason = reason;
        return new MatchEnded(Id, UserA, UserB, reason, now);
    }
}
