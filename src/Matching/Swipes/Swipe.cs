namespace Dating.Matching.Swipes;

internal sealed class Swipe
{
    public Guid SwiperId { get; set; }

    public Guid TargetId { get; set; }

    public SwipeDecision Decision { get; set; }

    public DateTimeOffset SwipedAt { get; set; }
}
