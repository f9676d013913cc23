namespace Dating.Profiles.Tests.Infrastructure;

public static class ClientAddresses
{
    /// <summary>A client address of its own (sent as X-Forwarded-For), so per-address limits of other tests do not interfere.</summary>
    public static string Random() => $"10.{System.Random.Shared.Next(256)}.{System.Random.Shared.Next(256)}.{System.Random.Shared.Next(1, 255)}";
}
