using System.Net;
using Dating.Profiles.Tests.Infrastructure;
using Dating.Testing;

namespace Dating.Profiles.Tests.Accounts;

/// <summary>On a host with the production limits: 5 attempts a minute per e-mail, 20 per client address.</summary>
public sealed class LoginRateLimitTests(BackingServicesFixture backing) : IAsyncLifetime
{
    private ProfilesHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        var database = await backing.CreateDatabaseAsync("profiles_ratelimit");
        _host = new ProfilesHost(backing.Configuration("profiles", database));
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_sixth_attempt_on_one_email_within_a_minute_gets_429_with_retry_after()
    {
        using var client = new ProfilesClient(_host.CreateClient());
        var body = Registration.Valid();
        await client.RegisterAsync(body);
        var email = (string)body["email"]!;

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            // Each from a different address: only the per-e-mail limit is in play.
            using var response = await client.LoginAsync(email, attempt == 5 ? Registration.Password : "wrong password!", ClientAddresses.Random());
            response.StatusCode.ShouldBe(attempt == 5 ? HttpStatusCode.OK : HttpStatusCode.Unauthorized);
        }

        using var limited = await client.LoginAsync(email, Registration.Password, ClientAddresses.Random());

        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        var retryAfter = limited.Headers.RetryAfter?.Delta.ShouldNotBeNull();
        retryAfter!.Value.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task The_21st_attempt_from_one_address_within_a_minute_gets_429()
    {
        using var client = new ProfilesClient(_host.CreateClient());
        var address = ClientAddresses.Random();

        for (var attempt = 1; attempt <= 20; attempt++)
        {
            using var response = await client.LoginAsync(Registration.NewEmail("spray"), Registration.Password, address);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var limited = await client.LoginAsync(Registration.NewEmail("spray"), Registration.Password, address);
        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();

        using var elsewhere = await client.LoginAsync(Registration.NewEmail("spray"), Registration.Password, ClientAddresses.Random());
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_limit_holds_across_replicas()
    {
        await using var otherReplica = new ProfilesHost(backing.Configuration("profiles", await backing.CreateDatabaseAsync("profiles_ratelimit")));
        using var first = new ProfilesClient(_host.CreateClient());
        using var second = new ProfilesClient(otherReplica.CreateClient());
        var email = Registration.NewEmail("replicas");

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var response = await (attempt % 2 == 0 ? first : second).LoginAsync(email, Registration.Password, ClientAddresses.Random());
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var limited = await first.LoginAsync(email, Registration.Password, ClientAddresses.Random());
        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
    }
}
