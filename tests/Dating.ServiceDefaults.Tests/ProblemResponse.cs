using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dating.ServiceDefaults.Tests;

internal static class ProblemResponse
{
    // Asserts an RFC 9457 body with the given status, and returns it for further checks.
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        problem.GetProperty("requestId").GetString().ShouldBe(response.Headers.GetValues("X-Request-Id").Single());
        return problem;
    }
}
