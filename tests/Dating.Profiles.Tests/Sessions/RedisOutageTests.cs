using System.Net;
using Dating.Profiles.Tests.Infrastructure;
using Dating.Testing;

namespace Dating.Profiles.Tests.Sessions;

/// <summary>A replica whose Redis does not answer (a port nobody listens on): 503, never a pass, never a 500.</summary>
public sealed class RedisOutageTests(ProfilesServiceFixture service) : IClassFixture<ProfilesServiceFixture>
{
    [Fact]
    public async Task Redis_unreachable_gives_503_never_a_pass()
    {
        using var healthyClient = service.CreateClient();
        var body = Registration.Valid();
        var session = await healthyClient.RegisterAsync(body);
        var configuration = new Dictionary<string, string?>(service.Configuration)
        {
            ["ConnectionStrings:redis"] = $"127.0.0.1:{FreePort.Next()}",
        };
        await using var cutOff = new ProfilesHost(configuration);
        using var client = new ProfilesClient(cutOff.CreateClient());

        // A token that is valid in the real store must not pass while the store cannot be asked.
        using var authenticated = await client.GetAsync("/api/profiles/me", session.Token);
        await authenticated.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        authenticated.Headers.RetryAfter.ShouldNotBeNull();

        using var login = await client.LoginAsync((string)body["email"]!, Registration.Password);
        await login.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);

        using var health = await client.Http.GetAsync("/health");
        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);

        // Without a token nothing needs Redis: still the plain 401.
        using var anonymous = await client.GetAsync("/api/profiles/me", token: null);
        await anonymous.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}
