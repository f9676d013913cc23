using System.Net;
using System.Net.Http.Json;
using Dating.Profiles.Tests.Infrastructure;
using Dating.Testing;

namespace Dating.Profiles.Tests.Accounts;

public sealed class AccountFlowTests(ProfilesServiceFixture service) : IClassFixture<ProfilesServiceFixture>
{
    [Fact]
    public async Task Register_returns_a_working_session_for_the_new_user()
    {
        using var client = service.CreateClient();

        using var response = await client.Http.PostAsJsonAsync("/api/auth/register", Registration.Valid(), ProfilesClient.Json);

        var created = await response.ShouldBeJsonAsync<SessionResult>(HttpStatusCode.Created);
        created.UserId.ShouldNotBe(Guid.Empty);
        created.ExpiresAt.ShouldBeInRange(DateTimeOffset.UtcNow.AddDays(14).AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(14).AddMinutes(1));
        response.Headers.Location?.ToString().ShouldBe($"/api/profiles/{created.UserId}");
        using var session = await client.GetAsync("/api/auth/session", created.Token);
        (await session.ShouldBeJsonAsync<CurrentSession>(HttpStatusCode.OK)).UserId.ShouldBe(created.UserId);
    }

    [Fact]
    public async Task Login_with_the_right_password_opens_a_second_session()
    {
        using var client = service.CreateClient();
        var body = Registration.Valid();
        var registered = await client.RegisterAsync(body);

        using var response = await client.LoginAsync(((string)body["email"]!).ToUpperInvariant(), Registration.Password);

        var login = await response.ShouldBeJsonAsync<SessionResult>(HttpStatusCode.OK);
        login.UserId.ShouldBe(registered.UserId);
        login.Token.ShouldNotBe(registered.Token);
        using var session = await client.GetAsync("/api/auth/session", login.Token);
        var current = await session.ShouldBeJsonAsync<CurrentSession>(HttpStatusCode.OK);
        current.UserId.ShouldBe(registered.UserId);
        current.ExpiresAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddDays(13));
    }

    [Fact]
    public async Task Logged_out_token_is_refused_everywhere()
    {
        using var client = service.CreateClient();
        var session = await client.RegisterAsync();
        // A second replica of the service on the same Redis and database.
        await using var otherReplica = new ProfilesHost(service.Configuration);
        using var otherClient = new ProfilesClient(otherReplica.CreateClient());
        using (var before = await otherClient.GetAsync("/api/profiles/me", session.Token))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var logout = await client.SendAsync(HttpMethod.Post, "/api/auth/logout", session.Token);

        logout.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var here = await client.GetAsync("/api/auth/session", session.Token);
        await here.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        using var there = await otherClient.GetAsync("/api/profiles/me", session.Token);
        await there.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Logout_leaves_the_users_other_sessions_alive()
    {
        using var client = service.CreateClient();
        var body = Registration.Valid();
        var first = await client.RegisterAsync(body);
        using var login = await client.LoginAsync((string)body["email"]!, Registration.Password);
        var second = await login.ShouldBeJsonAsync<SessionResult>(HttpStatusCode.OK);

        using var logout = await client.SendAsync(HttpMethod.Post, "/api/auth/logout", first.Token);

        logout.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var stillThere = await client.GetAsync("/api/auth/session", second.Token);
        stillThere.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Email_is_unique_regardless_of_case()
    {
        using var client = service.CreateClient();
        var email = Registration.NewEmail("Case");
        await client.RegisterAsync(Registration.Valid(email));

        using var response = await client.Http.PostAsJsonAsync(
            "/api/auth/register", Registration.Valid("  " + email.ToUpperInvariant() + " "), ProfilesClient.Json);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_email_create_exactly_one_account()
    {
        using var client = service.CreateClient();
        var email = Registration.NewEmail("race");

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            client.Http.PostAsJsonAsync("/api/auth/register", Registration.Valid(i % 2 == 0 ? email : email.ToUpperInvariant()), ProfilesClient.Json)));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        foreach (var response in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        }
    }

    [Fact]
    public async Task Unknown_email_and_wrong_password_get_the_same_401()
    {
        using var client = service.CreateClient();
        var body = Registration.Valid();
        await client.RegisterAsync(body);

        using var wrongPassword = await client.LoginAsync((string)body["email"]!, "not the password at all");
        using var unknownEmail = await client.LoginAsync(Registration.NewEmail("nobody"), Registration.Password);

        var first = await wrongPassword.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        var second = await unknownEmail.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        second.ShouldBe(first);
    }

    [Fact]
    public async Task Protected_routes_without_a_valid_token_get_401_problem_details()
    {
        using var client = service.CreateClient();

        foreach (var token in new string?[] { null, "garbage", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })
        {
            using var response = await client.GetAsync("/api/profiles/me", token);
            await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
            response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
        }
    }

    [Fact]
    public async Task A_user_id_header_from_the_client_is_never_trusted()
    {
        using var client = service.CreateClient();
        var me = await client.RegisterAsync();
        var other = await client.RegisterAsync();

        var anonymous = new HttpRequestMessage(HttpMethod.Get, "/api/profiles/me");
        anonymous.Headers.Add("X-User-Id", me.UserId.ToString());
        using var withoutToken = await client.Http.SendAsync(anonymous);
        await withoutToken.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);

        var spoofed = new HttpRequestMessage(HttpMethod.Get, "/api/profiles/me");
        spoofed.Headers.Authorization = new("Bearer", me.Token);
        spoofed.Headers.Add("X-User-Id", other.UserId.ToString());
        using var withToken = await client.Http.SendAsync(spoofed);
        (await withToken.ShouldBeJsonAsync<OwnProfile>(HttpStatusCode.OK)).UserId.ShouldBe(me.UserId);
    }

    [Fact]
    public async Task The_query_string_token_is_only_for_signalr_hubs()
    {
        using var client = service.CreateClient();
        var session = await client.RegisterAsync();

        using var response = await client.GetAsync($"/api/profiles/me?access_token={session.Token}", token: null);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}
