namespace Dating.Matching.Swipes;

/// <summary>Stored as a number; the first decision on a user is final.</summary>
internal enum SwipeDecision
{
    Pass = 0,
    Like = 1,
}
