namespace Dating.Matching.Blocks;

public sealed record BlockRequest(Guid? UserId);
