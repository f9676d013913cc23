namespace Dating.BuildingBlocks.Sessions;

internal static class SessionClaimTypes
{
    public const string Subject = "sub";
}
