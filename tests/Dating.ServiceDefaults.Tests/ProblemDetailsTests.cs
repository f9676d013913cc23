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

    [Theory]
    [InlineData("{\"name\": \"x\", \"count\": \"many\", \"mood\": \"sad\"}", "count", "Production")]
    [InlineData("{\"name\": \"x\", \"count\": 1, \"mood\": \"furious\"}", "mood", "Production")]
    [InlineData("{\"name\": \"x\", \"count\": 1, \"mood\": \"furious\"}", "mood", "Development")]
    public async Task A_body_value_that_cannot_be_read_is_named_without_the_framework_s_words(string body, string field, string environment)
    {
        await using var app = await TestApp.StartAsync(environment: environment);

        var response = await app.Client.PostAsync("/items", Json(body), Cancellation);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe([field]);
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain($"'{field}'");
        problem.GetRawText().ShouldNotContain(nameof(Item), Case.Sensitive);
        problem.GetRawText().ShouldNotContain(nameof(Mood), Case.Sensitive);
    }

    [Fact]
    public async Task A_body_of_the_wrong_shape_as_a_whole_is_a_400_problem_without_errors()
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.Client.PostAsync("/items", Json("[1, 2]"), Cancellation);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.TryGetProperty("errors", out _).ShouldBeFalse();
        problem.GetProperty("detail").GetString().ShouldBe("The request body is not a JSON object of the expected shape.");
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
