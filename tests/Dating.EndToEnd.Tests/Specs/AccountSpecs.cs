using System.Net;
using Dating.EndToEnd.Tests.Client;
using Dating.EndToEnd.Tests.Stacks;

namespace Dating.EndToEnd.Tests.Specs;

public abstract class AccountSpecs(TopologyStack stack) : ApiSpec(stack)
{
    [Fact]
    public async Task Registering_opens_a_session_and_logging_out_kills_that_token_everywhere()
    {
        var person = Person.Woman("Ada", Place.Somewhere());
        var registered = (await Anonymous().PostAsync("/api/auth/register", person.Registration())).ShouldBe(HttpStatusCode.Created);
        registered.Guid("userId").ShouldNotBe(Guid.Empty);
        registered.String("token").ShouldNotBeNullOrWhiteSpace();
        registered.GetProperty("expiresAt").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddDays(13));

        var login = (await Anonymous().PostAsync("/api/auth/login", new { email = person.Email.ToUpperInvariant(), password = Person.Password }))
            .ShouldBe(HttpStatusCode.OK);
        login.Guid("userId").ShouldBe(registered.Guid("userId"));
        login.String("token").ShouldNotBe(registered.String("token"));

        using var ada = ApiClient.Anonymous(Stack, registered.String("token"));
        using var otherSession = ApiClient.Anonymous(Stack, login.String("token"));
        var session = (await ada.GetAsync("/api/auth/session")).ShouldBe(HttpStatusCode.OK);
        session.Guid("userId").ShouldBe(registered.Guid("userId"));
        session.GetProperty("expiresAt").GetDateTimeOffset().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddDays(13));

        (await ada.PostAsync("/api/auth/logout")).ShouldBe(HttpStatusCode.NoContent);

        // Every module refuses the dead token at once; the other session lives on.
        string[] everywhere = ["/api/auth/session", "/api/profiles/me", "/api/photos/me", "/api/matching/recommendations", "/api/chat/conversations"];
        foreach (var path in everywhere)
        {
            (await ada.GetAsync(path)).ShouldBeProblem(HttpStatusCode.Unauthorized);
            (await otherSession.GetAsync(path)).ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Every_route_but_register_and_login_needs_a_valid_token()
    {
        var anonymous = Anonymous();
        string[] routes = ["/api/auth/session", "/api/profiles/me", $"/api/profiles/{Guid.NewGuid()}", "/api/photos/me", "/api/matching/matches", "/api/chat/conversations"];
        foreach (var route in routes)
        {
            (await anonymous.GetAsync(route)).ShouldBeProblem(HttpStatusCode.Unauthorized);
        }

        using var forged = ApiClient.Anonymous(Stack, "not-a-real-token");
        (await forged.GetAsync("/api/profiles/me")).ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Every_answer_carries_a_request_id_the_callers_own_when_it_sent_one()
    {
        var lea = await RegisterAsync(Person.Woman("Lea", Place.Somewhere()));
        var mine = $"e2e-{Guid.NewGuid():N}";
        (await lea.SendAsync(HttpMethod.Get, "/api/profiles/me", requestId: mine)).Headers.GetValueOrDefault("X-Request-Id").ShouldBe(mine);
        (await lea.SendAsync(HttpMethod.Get, $"/api/profiles/{Guid.NewGuid()}", requestId: mine)).Headers.GetValueOrDefault("X-Request-Id").ShouldBe(mine);
        (await Anonymous().SendAsync(HttpMethod.Get, "/api/chat/conversations", requestId: mine)).Headers.GetValueOrDefault("X-Request-Id").ShouldBe(mine);

        var first = (await lea.GetAsync("/api/matching/matches")).Headers;
        var second = (await lea.GetAsync("/api/photos/me")).Headers;
        first.GetValueOrDefault("X-Request-Id").ShouldNotBeNullOrWhiteSpace();
        second.GetValueOrDefault("X-Request-Id").ShouldNotBe(first.GetValueOrDefault("X-Request-Id"));
    }

    [Fact]
    public async Task Registration_refuses_a_taken_email_in_any_case_and_bad_input_field_by_field()
    {
        var taken = await RegisterAsync(Person.Man("Ben", Place.Somewhere()));
        var again = Person.Man("Ben", Place.Somewhere());
        var sameEmail = new Dictionary<string, object?>
        {
            ["email"] = taken.Person!.Email.ToUpperInvariant(),
            ["password"] = Person.Password,
            ["displayName"] = "Ben again",
            ["birthDate"] = again.BirthDate.ToString("yyyy-MM-dd"),
            ["gender"] = "man",
            ["interestedIn"] = new[] { "woman" },
            ["location"] = again.Place.ToJson(),
        };
        (await Anonymous().PostAsync("/api/auth/register", sameEmail)).ShouldBeProblem(HttpStatusCode.Conflict);

        var bad = new
        {
            email = "not-an-email",
            password = "short",
            displayName = "Kid",
            birthDate = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-17).ToString("yyyy-MM-dd"),
            gender = "man",
            interestedIn = new[] { "woman" },
            location = new { latitude = 91.0, longitude = 181.0 },
        };
        (await Anonymous().PostAsync("/api/auth/register", bad))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "email", "password", "birthDate", "location.latitude", "location.longitude");
    }

    [Fact]
    public async Task Login_answers_an_unknown_email_and_a_wrong_password_alike()
    {
        var known = await RegisterAsync(Person.Woman("Cleo", Place.Somewhere()));
        var wrongPassword = (await Anonymous().PostAsync("/api/auth/login", new { email = known.Person!.Email, password = "wrong password!" }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized);
        var unknownEmail = (await Anonymous().PostAsync("/api/auth/login", new { email = $"nobody-{Guid.NewGuid():N}@example.test", password = "wrong password!" }))
            .ShouldBeProblem(HttpStatusCode.Unauthorized);
        // Nothing tells the two apart (a trace id may differ, the message may not).
        foreach (var field in new[] { "status", "title", "detail", "type" })
        {
            (unknownEmail.Has(field) ? unknownEmail.GetProperty(field).ToString() : null)
                .ShouldBe(wrongPassword.Has(field) ? wrongPassword.GetProperty(field).ToString() : null, field);
        }
    }
}
