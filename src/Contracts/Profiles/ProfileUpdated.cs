namespace Dating.Contracts.Profiles;

/// <summary>A profile changed: the snapshot is its full current state.</summary>
[IntegrationEvent("profile-updated", 1)]
public sealed record ProfileUpdated : ProfileSnapshot;
