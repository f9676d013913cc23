using System.Net;
using System.Text.Json;

namespace Dating.Chat.Tests.Infrastructure;

public static class HttpAssertions
{
    public static async Task ShouldHaveStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new ShouldAssertException($"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        }
    }

    /// <summary>An RFC 9457 problem with the given status, and field errors for <paramref name="fields"/> when given.</summary>
    public static async Task ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode expected, params string[] fields)
    {
        await response.ShouldHaveStatusAsync(expected);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe((int)expected);
        foreach (var field in fields)
        {
            problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue($"no error for {field}: {problem}");
        }
    }
}
