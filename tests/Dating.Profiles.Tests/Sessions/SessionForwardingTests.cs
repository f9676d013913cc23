using System.Net;
using System.Security.Cryptography;
using Dating.BuildingBlocks.Sessions;
using Dating.Profiles.Tests.Infrastructure;
using Dating.Testing;

namespace Dating.Profiles.Tests.Sessions;

/// <summary>
/// A Profiles replica that holds the forwarding key trusts a session the gateway signed, without asking Redis; every
/// other request it checks itself. The session here is revoked in Redis first, so only the signature can let it in.
/// </summary>
public sealed class SessionForwardingTests(ProfilesServiceFixture service) : IClassFixture<ProfilesServiceFixture>
{
    private static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task A_replica_with_the_key_trusts_a_signed_check_instead_of_asking_redis_and_checks_the_rest_itself()
    {
        await using var host = new ProfilesHost(new Dictionary<string, string?>(service.Configuration) { ["Sessions:ForwardingKey"] = Key });
        using var client = new ProfilesClient(host.CreateClient());
        var session = await client.RegisterAsync();
        (await client.SendAsync(HttpMethod.Post, "/api/auth/logout", session.Token)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var signed = ForwardedSessionTests.With(Key, TimeProvider.System).Sign(new SessionInfo(session.UserId, session.ExpiresAt), session.Token);

        using var trusted = await MeAsync(client, session.Token, signed);
        trusted.StatusCode.ShouldBe(HttpStatusCode.OK, "the signature vouches for the session; Redis is not asked");

        using var unsigned = await MeAsync(client, session.Token, header: null);
        await unsigned.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        var forged = ForwardedSessionTests.With(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), TimeProvider.System)
            .Sign(new SessionInfo(session.UserId, session.ExpiresAt), session.Token);
        using var otherKey = await MeAsync(client, session.Token, forged);
        await otherKey.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        using var otherToken = await MeAsync(client, SessionToken.Generate(), signed);
        await otherToken.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_replica_without_the_key_checks_every_session_itself()
    {
        using var client = service.CreateClient();
        var session = await client.RegisterAsync();
        (await client.SendAsync(HttpMethod.Post, "/api/auth/logout", session.Token)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var signed = ForwardedSessionTests.With(Key, TimeProvider.System).Sign(new SessionInfo(session.UserId, session.ExpiresAt), session.Token);

        using var response = await MeAsync(client, session.Token, signed);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    private static Task<HttpResponseMessage> MeAsync(ProfilesClient client, string token, string? header)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/profiles/me");
        request.Headers.Authorization = new("Bearer", token);
        if (header is not null)
        {
            request.Headers.Add(ForwardedSession.HeaderName, header);
        }

        return client.Http.SendAsync(request);
    }
}
