using System.Net;
using Dating.BuildingBlocks.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dating.Gateway.Tests.RateLimiting;

// The edge's per-address limit on the account routes, as the gateway and the lone monolith both apply it.
public sealed class AuthRateLimitingTests
{
    [Fact]
    public async Task Account_routes_past_the_limit_get_a_429_problem_with_retry_after_while_other_routes_go_on()
    {
        await using var app = await StartAsync(enabled: true);
        using var client = app.GetTestClient();

        (await client.PostAsync("/api/auth/login", null, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsync("/api/auth/register", null, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await client.PostAsync("/api/auth/login", null, TestContext.Current.CancellationToken);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        refused.Headers.RetryAfter?.Delta.ShouldNotBeNull();
        refused.Headers.RetryAfter!.Delta!.Value.ShouldBeInRange(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        (await client.GetAsync("/api/profiles/me", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Switched_off_the_limit_lets_every_request_through()
    {
        await using var app = await StartAsync(enabled: false);
        using var client = app.GetTestClient();

        for (var i = 0; i < 5; i++)
        {
            (await client.PostAsync("/api/auth/login", null, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    private static async Task<WebApplication> StartAsync(bool enabled)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:RateLimiting:Enabled"] = enabled.ToString(),
            ["Gateway:RateLimiting:PermitLimit"] = "2",
            ["Gateway:RateLimiting:Window"] = "00:01:00",
        });
        builder.Services.AddProblemDetails();
        builder.AddAuthRateLimiting();
        var app = builder.Build();
        app.UseRateLimiter();
        app.MapPost("/api/auth/{action}", () => Results.Ok());
        app.MapGet("/api/profiles/me", () => Results.Ok());
        await app.StartAsync();
        return app;
    }
}
