namespace Dating.Contracts.Matching;

/// <summary>The blocker never sees the blocked user again, nor the blocked user the blocker, anywhere.</summary>
[IntegrationEvent("user-blocked", 1)]
public sealed record UserBlocked(Guid BlockerId, Guid BlockedId, DateTimeOffset OccurredAt);
