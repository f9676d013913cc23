using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dating.ServiceDefaults.Tests;

public sealed class OperationsEndpointsTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_are_served_in_prometheus_text()
    {
        await using var app = await TestApp.StartAsync();
        await app.Client.GetAsync("/items", Cancellation);

        var response = await app.Client.GetAsync("/metrics", Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync(Cancellation);
        text.ShouldContain("# TYPE http_server_request_duration_seconds histogram");
        text.ShouldContain("http_route=\"/items\"");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_endpoints()
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.Client.GetAsync("/openapi/v1.json", Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        document.GetProperty("openapi").GetString().ShouldStartWith("3.");
        document.GetProperty("paths").TryGetProperty("/items", out _).ShouldBeTrue();
    }
}
