using System.Net;
using System.Text;
using System.Text.Json;
using Dating.Profiles.Tests.Infrastructure;
using Dating.Testing;

namespace Dating.Profiles.Tests.Accounts;

/// <summary>Every bad registration gets a 4xx problem answer and stores nothing.</summary>
public sealed class BadRegistrationInputTests(ProfilesServiceFixture service) : IClassFixture<ProfilesServiceFixture>
{
    private static string Today(int yearsAgo, int days = 0) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-yearsAgo).AddDays(days).ToString("yyyy-MM-dd");

    /// <summary>Case name → how it changes a valid body (or the raw body), the expected status and the field blamed.</summary>
    private static readonly Dictionary<string, (Func<Dictionary<string, object?>, string> Body, HttpStatusCode Status, string? Field)> Cases = new()
    {
        ["malformed JSON"] = (b => Serialize(b)[..^5], HttpStatusCode.BadRequest, null),
        ["not JSON at all"] = (b => $"email={b["email"]}&password=x", HttpStatusCode.BadRequest, null),
        ["empty body"] = (_ => "", HttpStatusCode.BadRequest, null),
        ["JSON null"] = (_ => "null", HttpStatusCode.BadRequest, null),
        ["an array"] = (b => $"[{Serialize(b)}]", HttpStatusCode.BadRequest, null),
        ["birth date as a number"] = (b => Serialize(With(b, "birthDate", 19900101)), HttpStatusCode.BadRequest, "birthDate"),
        ["impossible birth date"] = (b => Serialize(With(b, "birthDate", "1990-02-30")), HttpStatusCode.BadRequest, "birthDate"),
        ["display name as a number"] = (b => Serialize(With(b, "displayName", 42)), HttpStatusCode.BadRequest, "displayName"),
        ["interestedIn as a string"] = (b => Serialize(With(b, "interestedIn", "man")), HttpStatusCode.BadRequest, "interestedIn"),
        ["location as a string"] = (b => Serialize(With(b, "location", "Berlin")), HttpStatusCode.BadRequest, "location"),
        ["unknown gender"] = (b => Serialize(With(b, "gender", "robot")), HttpStatusCode.BadRequest, "gender"),
        ["gender as an undefined number"] = (b => Serialize(With(b, "gender", 7)), HttpStatusCode.BadRequest, "gender"),
        ["empty object"] = (_ => "{}", HttpStatusCode.BadRequest, "email"),
        ["missing password"] = (b => Serialize(Without(b, "password")), HttpStatusCode.BadRequest, "password"),
        ["missing location"] = (b => Serialize(Without(b, "location")), HttpStatusCode.BadRequest, "location"),
        ["missing latitude"] = (b => Serialize(With(b, "location", new { longitude = 13.4 })), HttpStatusCode.BadRequest, "location.latitude"),
        ["missing birth date"] = (b => Serialize(Without(b, "birthDate")), HttpStatusCode.BadRequest, "birthDate"),
        ["under 18 by a day"] = (b => Serialize(With(b, "birthDate", Today(18, days: 1))), HttpStatusCode.BadRequest, "birthDate"),
        ["born in the future"] = (b => Serialize(With(b, "birthDate", Today(-1))), HttpStatusCode.BadRequest, "birthDate"),
        ["bad e-mail"] = (b => Serialize(With(b, "email", "not-an-email")), HttpStatusCode.BadRequest, "email"),
        ["e-mail with a display name"] = (b => Serialize(With(b, "email", "Alex <alex@example.com>")), HttpStatusCode.BadRequest, "email"),
        ["e-mail without a dotted domain"] = (b => Serialize(With(b, "email", "alex@localhost")), HttpStatusCode.BadRequest, "email"),
        ["e-mail over 254 characters"] = (b => Serialize(With(b, "email", new string('a', 250) + "@example.com")), HttpStatusCode.BadRequest, "email"),
        ["short password"] = (b => Serialize(With(b, "password", "123456789")), HttpStatusCode.BadRequest, "password"),
        ["password over 256 characters"] = (b => Serialize(With(b, "password", new string('p', 257))), HttpStatusCode.BadRequest, "password"),
        ["latitude over 90"] = (b => Serialize(With(b, "location", new { latitude = 90.5, longitude = 0 })), HttpStatusCode.BadRequest, "location.latitude"),
        ["longitude under -180"] = (b => Serialize(With(b, "location", new { latitude = 0, longitude = -180.01 })), HttpStatusCode.BadRequest, "location.longitude"),
        ["blank display name"] = (b => Serialize(With(b, "displayName", "   ")), HttpStatusCode.BadRequest, "displayName"),
        ["display name of 51 characters"] = (b => Serialize(With(b, "displayName", new string('n', 51))), HttpStatusCode.BadRequest, "displayName"),
        ["huge display name"] = (b => Serialize(With(b, "displayName", new string('n', 30_000))), HttpStatusCode.BadRequest, "displayName"),
        ["bio of 501 characters"] = (b => Serialize(With(b, "bio", new string('b', 501))), HttpStatusCode.BadRequest, "bio"),
        ["nobody of interest"] = (b => Serialize(With(b, "interestedIn", Array.Empty<string>())), HttpStatusCode.BadRequest, "interestedIn"),
        ["eleven interests"] = (b => Serialize(With(b, "interests", Enumerable.Range(0, 11).Select(i => $"topic {i}").ToArray())), HttpStatusCode.BadRequest, "interests"),
        ["an interest of 31 characters"] = (b => Serialize(With(b, "interests", new[] { new string('i', 31) })), HttpStatusCode.BadRequest, "interests"),
        ["age range under 18"] = (b => Serialize(With(b, "ageRange", new { min = 17, max = 30 })), HttpStatusCode.BadRequest, "ageRange"),
        ["distance of 501 km"] = (b => Serialize(With(b, "maxDistanceKm", 501)), HttpStatusCode.BadRequest, "maxDistanceKm"),
        ["a 1 MiB body"] = (b => Serialize(With(b, "bio", new string('x', 1024 * 1024))), HttpStatusCode.RequestEntityTooLarge, null),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Bad_registration_is_refused_with_problem_details_and_nothing_is_stored(string caseName)
    {
        var (makeBody, status, field) = Cases[caseName];
        var valid = Registration.Valid();
        var email = (string)valid["email"]!;
        using var client = service.CreateClient();
        var accountsBefore = await service.CountAccountsAsync();

        using var content = new StringContent(makeBody(valid), Encoding.UTF8, "application/json");
        using var response = await client.Http.PostAsync("/api/auth/register", content);

        await response.ShouldBeProblemAsync(status);
        if (field is not null)
        {
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            json.RootElement.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(json.RootElement.ToString());
        }

        (await service.CountAccountsAsync()).ShouldBe(accountsBefore);
        using var login = await client.LoginAsync(email, Registration.Password);
        login.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_valid_body_the_cases_start_from_is_accepted()
    {
        using var client = service.CreateClient();

        var session = await client.RegisterAsync(Registration.Valid());

        session.Token.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Exactly_18_today_is_old_enough()
    {
        using var client = service.CreateClient();
        var body = Registration.Valid();
        body["birthDate"] = Today(18);

        var session = await client.RegisterAsync(body);

        session.UserId.ShouldNotBe(Guid.Empty);
    }

    private static string Serialize(Dictionary<string, object?> body) => JsonSerializer.Serialize(body);

    private static Dictionary<string, object?> With(Dictionary<string, object?> body, string field, object? value) =>
        new(body) { [field] = value };

    private static Dictionary<string, object?> Without(Dictionary<string, object?> body, string field)
    {
        var copy = new Dictionary<string, object?>(body);
        copy.Remove(field);
        return copy;
    }
}
