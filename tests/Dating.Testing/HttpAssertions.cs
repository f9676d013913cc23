using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Shouldly;

namespace Dating.Testing;

public static class HttpAssertions
{
    /// <summary>How the services write JSON: web defaults, enums as camel-case strings (numbers still read).</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static async Task ShouldHaveStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new ShouldAssertException($"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        }
    }

    /// <summary>
    /// Asserts an RFC 9457 answer with the given status, without a stack trace, and with field errors for
    /// <paramref name="fields"/> when given; returns its body.
    /// </summary>
    public static async Task<ProblemBody> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, params string[] fields)
    {
        await response.ShouldHaveStatusAsync(status);
        var text = await response.Content.ReadAsStringAsync();
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        var problem = JsonSerializer.Deserialize<ProblemBody>(text, Json);
        problem.ShouldNotBeNull();
        problem.Status.ShouldBe((int)status);
        text.ShouldNotContain("   at ", Case.Sensitive, "no stack trace");
        if (fields.Length > 0)
        {
            var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
            foreach (var field in fields)
            {
                errors.TryGetProperty(field, out _).ShouldBeTrue($"no error for {field}: {text}");
            }
        }

        return problem;
    }

    public static async Task<T> ShouldBeJsonAsync<T>(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }
}
