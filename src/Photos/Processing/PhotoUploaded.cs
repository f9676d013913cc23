using Dating.Contracts;

namespace Dating.Photos.Processing;

/// <summary>Internal to the module: an original is stored and waits for processing by any replica.</summary>
[IntegrationEvent("photo-uploaded", 1)]
public sealed record PhotoUploaded(Guid PhotoId, Guid UserId, DateTimeOffset OccurredAt);
