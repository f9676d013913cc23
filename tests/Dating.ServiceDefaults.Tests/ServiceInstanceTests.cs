using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Dating.ServiceDefaults.Tests;

public sealed class ServiceInstanceTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Responses_name_the_instance_from_the_standard_resource_attributes()
    {
        await using var app = await TestApp.StartAsync(builder =>
            builder.Configuration["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment=dev, service.instance.id=profiles-1");

        var ok = await app.Client.GetAsync("/alive", Cancellation);
        var missing = await app.Client.GetAsync("/no-such-route", Cancellation);

        ok.Headers.GetValues(ServiceInstance.HeaderName).ShouldBe(["profiles-1"]);
        missing.Headers.GetValues(ServiceInstance.HeaderName).ShouldBe(["profiles-1"]);
    }

    [Fact]
    public async Task A_header_already_set_by_a_proxied_backend_is_kept()
    {
        await using var app = await TestApp.StartAsync(
            builder => builder.Configuration["OTEL_RESOURCE_ATTRIBUTES"] = "service.instance.id=gateway-0",
            map => map.MapGet("/proxied", (HttpContext context) =>
            {
                context.Response.Headers[ServiceInstance.HeaderName] = "profiles-0";
                return "from the backend";
            }));

        var response = await app.Client.GetAsync("/proxied", Cancellation);

        response.Headers.GetValues(ServiceInstance.HeaderName).ShouldBe(["profiles-0"]);
    }

    [Fact]
    public async Task Without_an_instance_id_there_is_no_header()
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.Client.GetAsync("/alive", Cancellation);

        response.Headers.Contains(ServiceInstance.HeaderName).ShouldBeFalse();
    }

    [Fact]
    public async Task Metrics_carry_the_same_instance_id()
    {
        await using var app = await TestApp.StartAsync(builder =>
            builder.Configuration["OTEL_RESOURCE_ATTRIBUTES"] = "service.instance.id=profiles-1");

        var metrics = await app.Client.GetStringAsync("/metrics", Cancellation);

        metrics.ShouldContain("service_instance_id=\"profiles-1\"");
    }
}
