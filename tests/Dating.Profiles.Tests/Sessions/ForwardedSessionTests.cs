using System.Security.Cryptography;
using Dating.BuildingBlocks.Sessions;
using Dating.Profiles.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Dating.Profiles.Tests.Sessions;

/// <summary>The gateway's signed session check: what verifies, and everything that must not (pure, no servers).</summary>
public sealed class ForwardedSessionTests
{
    private static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private static readonly string Token = SessionToken.Generate();
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly SessionInfo _session;

    public ForwardedSessionTests() => _session = new SessionInfo(Guid.NewGuid(), _clock.GetUtcNow().AddDays(14));

    internal static ForwardedSession With(string? key, TimeProvider time) =>
        new(Options.Create(new SessionOptions { ForwardingKey = key }), time);

    [Fact]
    public void A_signed_check_verifies_for_its_own_token()
    {
        var forwarding = With(Key, _clock);

        var header = forwarding.Sign(_session, Token).ShouldNotBeNull();

        forwarding.Verify(header, Token).ShouldBe(_session);
    }

    [Fact]
    public void A_check_signed_for_another_token_or_with_another_key_does_not_verify()
    {
        var header = With(Key, _clock).Sign(_session, Token);

        With(Key, _clock).Verify(header, SessionToken.Generate()).ShouldBeNull();
        With(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), _clock).Verify(header, Token).ShouldBeNull();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void A_changed_claim_does_not_verify(int claim)
    {
        var forwarding = With(Key, _clock);
        var parts = forwarding.Sign(_session, Token)!.Split('.');

        parts[claim] = claim == 0 ? Guid.NewGuid().ToString("N") : (long.Parse(parts[claim], System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        forwarding.Verify(string.Join('.', parts), Token).ShouldBeNull();
    }

    [Fact]
    public void A_check_is_trusted_for_a_short_while_only()
    {
        var forwarding = With(Key, _clock);
        var header = forwarding.Sign(_session, Token);

        _clock.Advance(ForwardedSession.MaxAge);
        forwarding.Verify(header, Token).ShouldBe(_session);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        forwarding.Verify(header, Token).ShouldBeNull("a replayed header is stale");
    }

    [Fact]
    public void A_session_that_has_expired_does_not_verify()
    {
        var forwarding = With(Key, _clock);
        var ending = _session with { ExpiresAt = _clock.GetUtcNow().AddSeconds(1) };
        var header = forwarding.Sign(ending, Token);

        _clock.Advance(TimeSpan.FromSeconds(1));

        forwarding.Verify(header, Token).ShouldBeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("a.b.c.d")]
    [InlineData("....")]
    public void Garbage_does_not_verify(string header) =>
        With(Key, _clock).Verify(header, Token).ShouldBeNull();

    [Fact]
    public void Without_a_key_nothing_is_signed_or_trusted()
    {
        var header = With(Key, _clock).Sign(_session, Token);
        var keyless = With(null, _clock);

        keyless.Enabled.ShouldBeFalse();
        keyless.Sign(_session, Token).ShouldBeNull();
        keyless.Verify(header, Token).ShouldBeNull();
    }

    [Theory]
    [InlineData("c2hvcnQ=")]
    [InlineData("not base64!")]
    public void A_weak_or_malformed_key_is_refused_at_startup(string key) =>
        Should.Throw<OptionsValidationException>(() => With(key, _clock));
}
