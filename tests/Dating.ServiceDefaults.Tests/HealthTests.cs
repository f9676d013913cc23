using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dating.ServiceDefaults.Tests;

public sealed class HealthTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_healthy_service_is_alive_and_ready()
    {
        await using var app = await TestApp.StartAsync();

        var alive = await app.Client.GetAsync("/alive", Cancellation);
        var health = await app.Client.GetAsync("/health", Cancellation);

        alive.StatusCode.ShouldBe(HttpStatusCode.OK);
        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await health.Content.ReadAsStringAsync(Cancellation)).ShouldBe("Healthy");
    }

    [Fact]
    public async Task A_failing_dependency_makes_the_service_unready_but_still_alive()
    {
        await using var app = await TestApp.StartAsync(builder => builder.Services.AddHealthChecks()
            .AddCheck("database", () => HealthCheckResult.Unhealthy("down")));

        var alive = await app.Client.GetAsync("/alive", Cancellation);
        var health = await app.Client.GetAsync("/health", Cancellation);

        alive.StatusCode.ShouldBe(HttpStatusCode.OK);
        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await health.Content.ReadAsStringAsync(Cancellation)).ShouldBe("Unhealthy");
    }

    [Fact]
    public async Task A_failing_live_check_makes_the_service_dead()
    {
        await using var app = await TestApp.StartAsync(builder => builder.Services.AddHealthChecks()
            .AddCheck("deadlock", () => HealthCheckResult.Unhealthy(), ["live"]));

        var alive = await app.Client.GetAsync("/alive", Cancellation);

        alive.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
    }
}
