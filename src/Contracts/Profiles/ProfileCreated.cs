namespace Dating.Contracts.Profiles;

/// <summary>A new account finished registration and has a profile other services may show.</summary>
[IntegrationEvent("profile-created", 1)]
public sealed record ProfileCreated : ProfileSnapshot;
