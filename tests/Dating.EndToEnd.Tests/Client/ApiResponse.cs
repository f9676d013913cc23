using System.Net;
using System.Text.Json;

namespace Dating.EndToEnd.Tests.Client;

/// <summary>An answer of the public API, read in full (status, media type, body), so a failed assertion can show it.</summary>
public sealed record ApiResponse(HttpStatusCode Status, string? MediaType, string Text, IReadOnlyDictionary<string, string> Headers)
{
    public JsonElement Body => Text.Length == 0 ? default : JsonDocument.Parse(Text).RootElement.Clone();

    /// <summary>Asserts the status and a JSON body (when there is one); returns the body.</summary>
    public JsonElement ShouldBe(HttpStatusCode expected)
    {
        Status.ShouldBe(expected, $"body: {Text}");
        if (Text.Length > 0)
        {
            MediaType.ShouldBe("application/json", $"body: {Text}");
        }

        return Body;
    }

    /// <summary>
    /// Asserts an RFC 9457 problem: the status, <c>application/problem+json</c>, <c>status</c>, <c>title</c> and
    /// <c>detail</c>, no stack trace, and a field error for each of <paramref name="fields"/>; returns the body.
    /// </summary>
    public JsonElement ShouldBeProblem(HttpStatusCode expected, params string[] fields)
    {
        Status.ShouldBe(expected, $"body: {Text}");
        MediaType.ShouldBe("application/problem+json", $"body: {Text}");
        var problem = Body;
        Member(problem, "status").GetInt32().ShouldBe((int)expected, Text);
        Member(problem, "title").GetString().ShouldNotBeNullOrWhiteSpace($"no title: {Text}");
        Member(problem, "detail").GetString().ShouldNotBeNullOrWhiteSpace($"no detail: {Text}");
        Text.ShouldNotContain("   at ", Case.Sensitive, "no stack trace");
        if (fields.Length > 0)
        {
            problem.TryGetProperty("errors", out var errors).ShouldBeTrue($"no field errors: {Text}");
            foreach (var field in fields)
            {
                errors.TryGetProperty(field, out var messages).ShouldBeTrue($"no error for {field}: {Text}");
                messages.EnumerateArray().ShouldNotBeEmpty($"no message for {field}: {Text}");
            }
        }

        return problem;
    }

    public override string ToString() => $"{(int)Status} {Text}";

    private JsonElement Member(JsonElement problem, string name) =>
        problem.TryGetProperty(name, out var value) ? value : throw new ShouldAssertException($"The problem has no {name}: {Text}");
}
