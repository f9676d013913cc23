using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Dating.BuildingBlocks.Sessions;
using Dating.Gateway.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dating.Gateway.Tests.Security;

// The gateway's real pipeline in process (identity headers stripped, session authentication, the YARP proxy) in front
// of a profiles replica that answers with the forwarded-session header it received. The sessions are a dictionary:
// what is under test is what the gateway forwards, not the session store (RedisSessionStoreTests).
public sealed class SessionForwardingTests
{
    private static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly Sessions _sessions = new();

    [Fact]
    public async Task A_checked_session_reaches_the_service_signed_for_its_token()
    {
        await using var replica = await StartEchoingReplicaAsync();
        await using var gateway = await StartGatewayAsync(replica, Key);
        var (token, session) = _sessions.Issue();

        var forwarded = await ForwardedHeaderAsync(gateway, "/api/profiles/me", token, clientHeader: null);

        Verifier(Key).Verify(forwarded, token).ShouldBe(session);
    }

    [Fact]
    public async Task A_clients_own_header_never_reaches_the_service()
    {
        await using var replica = await StartEchoingReplicaAsync();
        await using var gateway = await StartGatewayAsync(replica, Key);
        var (token, session) = _sessions.Issue();
        var (other, otherSession) = _sessions.Issue();
        var claimingOther = Verifier(Key).Sign(otherSession, other)!;

        // Even a header the key signed (say, replayed from another request) is replaced by the gateway's own check.
        var forwarded = await ForwardedHeaderAsync(gateway, "/api/profiles/me", token, claimingOther);
        Verifier(Key).Verify(forwarded, token).ShouldBe(session);

        _sessions.Revoke(token);
        using var client = gateway.GetTestClient();
        using var revoked = await SendAsync(client, "/api/profiles/me", token, claimingOther);
        revoked.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the gateway checks every request: revocation is immediate");

        (await ForwardedHeaderAsync(gateway, "/api/auth/login", token: null, claimingOther)).ShouldBeEmpty("an anonymous request forwards no session");
    }

    [Fact]
    public async Task Without_a_key_the_gateway_forwards_no_session()
    {
        await using var replica = await StartEchoingReplicaAsync();
        await using var gateway = await StartGatewayAsync(replica, key: null);
        var (token, _) = _sessions.Issue();

        (await ForwardedHeaderAsync(gateway, "/api/profiles/me", token, clientHeader: "anything")).ShouldBeEmpty();
    }

    private static ForwardedSession Verifier(string key) => new(Options.Create(new BuildingBlocks.Sessions.SessionOptions { ForwardingKey = key }), TimeProvider.System);

    private static async Task<string> ForwardedHeaderAsync(WebApplication gateway, string path, string? token, string? clientHeader)
    {
        using var client = gateway.GetTestClient();
        using var response = await SendAsync(client, path, token, clientHeader);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<string>(TestContext.Current.CancellationToken))!;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string? token, string? clientHeader)
    {
        var request = new HttpRequestMessage(path.EndsWith("login", StringComparison.Ordinal) ? HttpMethod.Post : HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (clientHeader is not null)
        {
            request.Headers.Add(ForwardedSession.HeaderName, clientHeader);
        }

        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<WebApplication> StartEchoingReplicaAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        Delegate echo = (HttpRequest request) => Results.Json(request.Headers[ForwardedSession.HeaderName].ToString());
        app.MapGet("/api/profiles/me", echo);
        app.MapPost("/api/auth/login", echo);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    private async Task<WebApplication> StartGatewayAsync(WebApplication replica, string? key)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["services:profiles:http:0"] = replica.Urls.Single(),
            ["Sessions:ForwardingKey"] = key,
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<ISessionStore>(_sessions);
        builder.AddSessionAuthentication();
        builder.AddGatewayProxy();
        var app = builder.Build();
        app.UseClientIdentityHeaderStripping();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGatewayProxy();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }

    private sealed class Sessions : ISessionStore
    {
        private readonly Dictionary<string, SessionInfo> _live = [];

        public (string Token, SessionInfo Session) Issue()
        {
            var token = SessionToken.Generate();
            // Whole milliseconds, as the header carries them (and as Redis stores them).
            var session = new SessionInfo(Guid.NewGuid(), DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddDays(14).ToUnixTimeMilliseconds()));
            lock (_live)
            {
                _live[token] = session;
            }

            return (token, session);
        }

        public void Revoke(string token)
        {
            lock (_live)
            {
                _live.Remove(token);
            }
        }

        public Task<SessionInfo?> ValidateAsync(string token, CancellationToken ct)
        {
            lock (_live)
            {
                return Task.FromResult(_live.GetValueOrDefault(token));
            }
        }

        public Task<IssuedSession> CreateAsync(Guid userId, CancellationToken ct) => throw new NotSupportedException();

        public Task RevokeAsync(string token, CancellationToken ct) => throw new NotSupportedException();

        public Task RevokeAllAsync(Guid userId, CancellationToken ct) => throw new NotSupportedException();
    }
}
