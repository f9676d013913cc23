using System.Net;
using System.Text;

namespace Dating.ServiceDefaults.Tests;

public sealed class ProblemDetailsTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Unknown_route_is_a_404_problem()
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.Client.GetAsync("/nowhere", Cancellation);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.GetProperty("detail").GetString().ShouldBe("There is nothing at this address.");
    }

    [Fact]
    public async Task Wrong_method_is_a_405_problem()
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.Client.DeleteAsync("/items", Cancellation);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed);
        problem.GetProperty("detail").GetString().ShouldBe("This address does not accept that method.");
    }

    [Theory]
    [InlineData("{\"name\": \"x\", ")]
    [InlineData("{\"name\": \"x\", \"count\": \"many\", \"mood\": \"sad\"}")]
    [InlineData("{\"name\": \"x\", \"count\": 1, \"mood\": \"furious\"}")]
    [InlineData("")]
    public async Task Unreadable_json_body_is_a_400_problem(string body)
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.Client.PostAsync("/items", Json(body), Cancellation);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    // In Development, minimal APIs throw BadHttpRequestException instead of answering 400 themselves.
    [Theory]
    [InlineData("{\"name\": \"x\", ")]
    [InlineData("")]
    public async Task Unreadable_json_body_is_a_400_problem_in_development_too(string body)
    {
        await using var app = await TestApp.StartAsync(environment: "Development");

        var response = await app.Client.PostAsync("/items", Json(body), Cancellation);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        problem.TryGetProperty("exception", out _).ShouldBeFalse();
        problem.GetRawText().ShouldNotContain(" at Microsoft.");
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task Unexpected_exception_is_a_500_problem_that_reveals_nothing(string environment)
    {
        await using var app = await TestApp.StartAsync(environment: environment);

        var response = await app.Client.GetAsync("/boom", Cancellation);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError);
        var text = problem.GetRawText();
        text.ShouldNotContain("hunter2");
        text.ShouldNotContain(nameof(InvalidOperationException));
        text.ShouldNotContain("TestEndpoints");
    }

    [Fact]
    public async Task Problem_names_the_failed_request_as_its_instance()
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.Client.GetAsync("/nowhere", Cancellation);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.GetProperty("instance").GetString().ShouldBe("/nowhere");
    }
}
