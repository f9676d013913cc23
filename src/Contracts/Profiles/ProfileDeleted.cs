namespace Dating.Contracts.Profiles;

/// <summary>The account is gone: every service removes what it holds of this user.</summary>
[IntegrationEvent("profile-deleted", 1)]
public sealed record ProfileDeleted(Guid UserId, DateTimeOffset OccurredAt);
