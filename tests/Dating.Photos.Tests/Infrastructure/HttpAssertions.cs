using System.Net;
using System.Net.Http.Json;

namespace Dating.Photos.Tests.Infrastructure;

public static class HttpAssertions
{
    /// <summary>Asserts an RFC 9457 answer with the given status and returns its body.</summary>
    public static async Task<ProblemBody> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(PhotosClient.Json);
        problem.ShouldNotBeNull();
        problem.Status.ShouldBe((int)status);
        text.ShouldNotContain("   at ", Case.Sensitive, "no stack trace");
        return problem;
    }

    public static async Task<T> ShouldBeJsonAsync<T>(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        return (await response.Content.ReadFromJsonAsync<T>(PhotosClient.Json))!;
    }
}
