namespace Dating.Contracts.Matching;

public enum MatchEndReason
{
    Unmatched,
    Blocked,
    AccountDeleted,
}
