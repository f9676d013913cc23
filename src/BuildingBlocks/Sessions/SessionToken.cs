using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Dating.BuildingBlocks.Sessions;

/// <summary>Opaque bearer tokens: 256 random bits, base64url; only their SHA-256 hash is ever stored.</summary>
internal static class SessionToken
{
    public const int EntropyBytes = 32;

    /// <summary>Base64url without padding of 32 bytes.</summary>
    public const int Length = 43;

    public static string Generate() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(EntropyBytes));

    /// <summary>Cheap shape check, so garbage never reaches Redis.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && Base64Url.IsValid(token, out var decodedLength) && decodedLength == EntropyBytes;

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
