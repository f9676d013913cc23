namespace Dating.BuildingBlocks.Sessions;

public static class SessionAuthenticationDefaults
{
    public const string AuthenticationScheme = "Session";

    /// <summary>Name under which the bearer token is kept in the authentication properties.</summary>
    public const string TokenName = "access_token";
}
