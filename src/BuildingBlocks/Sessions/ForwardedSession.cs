using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dating.BuildingBlocks.Sessions;

/// <summary>
/// One session check per request. The gateway checks a request's session in Redis, then tells the service behind it
/// which session it found in the <see cref="HeaderName"/> header, signed with a key that only the stack's processes
/// hold (<c>Sessions:ForwardingKey</c>, HMAC-SHA256). The signature covers the request's own bearer token and the
/// moment of the check, so the header is worthless without the token and stale after <see cref="MaxAge"/>. A service
/// that holds the key trusts a valid header instead of asking Redis again; without the key, or with a header that
/// does not verify, it checks the session itself as before. Revocation stays immediate: the gateway checks every
/// request, and a client's own header of that name never gets past it (<c>ClientIdentityHeaders</c>).
/// Hand-written on the runtime's HMAC: no served package asserts a proxy-checked identity more cheaply (a JWT per
/// request carries the same trust in a longer header, at several times the signing and parsing cost).
/// </summary>
internal sealed class ForwardedSession(IOptions<SessionOptions> options, TimeProvider time)
{
    public const string HeaderName = "X-Authenticated-Session";

    /// <summary>How long a signed check is trusted: the gateway's proxying of one request, with room for a busy machine.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private const int MinimumKeyBytes = 32;
    private const char Separator = '.';

    private readonly byte[]? _key = KeyOf(options.Value.ForwardingKey);

    /// <summary>Whether this process holds the key: a gateway signs, a service trusts.</summary>
    public bool Enabled => _key is not null;

    /// <summary>The header value for a session the caller has just checked, or null without a key.</summary>
    public string? Sign(SessionInfo session, string token)
    {
        if (_key is null)
        {
            return null;
        }

        var claims = string.Create(CultureInfo.InvariantCulture,
            $"{session.UserId:N}{Separator}{session.ExpiresAt.ToUnixTimeMilliseconds()}{Separator}{time.GetUtcNow().ToUnixTimeMilliseconds()}");
        return claims + Separator + Mac(_key, claims, token);
    }

    /// <summary>The session a valid, fresh header vouches for with this token; null when any of that does not hold.</summary>
    public SessionInfo? Verify(string? header, string token)
    {
        if (_key is null || string.IsNullOrEmpty(header))
        {
            return null;
        }

        var parts = header.Split(Separator);
        if (parts.Length != 4
            || !Guid.TryParseExact(parts[0], "N", out var userId)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expiresMs)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var checkedMs))
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(Mac(_key, header[..header.LastIndexOf(Separator)], token));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[3])))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var checkedAt = DateTimeOffset.FromUnixTimeMilliseconds(checkedMs);
        var expiresAt = DateTimeOffset.FromUnixTimeMilliseconds(expiresMs);
        var fresh = checkedAt <= now + TimeSpan.FromSeconds(5) && now - checkedAt <= MaxAge;
        return fresh && expiresAt > now ? new SessionInfo(userId, expiresAt) : null;
    }

    /// <summary>
    /// The gateway's side: the session this request was authenticated with, forwarded in the signed header. A client's
    /// own header of that name was dropped before authentication (the gateway's <c>ClientIdentityHeaders</c>).
    /// </summary>
    public void Forward(HttpContext context)
    {
        if (context.Features.Get<CheckedSession>() is { } checkedSession && Sign(checkedSession.Session, checkedSession.Token) is { } header)
        {
            context.Request.Headers[HeaderName] = header;
        }
    }

    private static string Mac(byte[] key, string claims, string token) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(string.Concat(claims, "\n", token))));

    // A key too short to resist guessing is refused at startup rather than trusted.
    private static byte[]? KeyOf(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        var key = new byte[configured.Length];
        return Convert.TryFromBase64String(configured, key, out var length) && length >= MinimumKeyBytes ? key[..length]
            : throw new OptionsValidationException("Sessions", typeof(SessionOptions), [$"Sessions:ForwardingKey must be the base64 of at least {MinimumKeyBytes} random bytes."]);
    }
}

public static class SessionForwardingExtensions
{
    /// <summary>
    /// In the gateway's proxy pipeline: adds the <see cref="ForwardedSession.HeaderName"/> header, the signed session this
    /// request was authenticated with (none for an anonymous request). Nothing is added to the pipeline without
    /// <c>Sessions:ForwardingKey</c>, or without session authentication (<c>AddSessionAuthentication</c>).
    /// </summary>
    public static IApplicationBuilder UseSessionForwarding(this IApplicationBuilder proxy)
    {
        if (proxy.ApplicationServices.GetService<ForwardedSession>() is not { Enabled: true } forwarding)
        {
            return proxy;
        }

        return proxy.Use((context, next) =>
        {
            forwarding.Forward(context);
            return next(context);
        });
    }
}

/// <summary>The session a request was authenticated with, and its token: what the gateway forwards.</summary>
internal sealed record CheckedSession(SessionInfo Session, string Token);
