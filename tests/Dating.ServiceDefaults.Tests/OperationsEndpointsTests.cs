using System.Diagnostics.Metrics;
using System.Net;
using System.Text.RegularExpressions;
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
    public async Task A_stream_keeps_at_most_the_configured_attribute_sets_and_counts_the_rest_as_overflow()
    {
        // A module meter (Dating.*), with more distinct attribute values than the limit allows.
        using var meter = new Meter("Dating.Tests.Cardinality");
        var probes = meter.CreateCounter<long>("dating.tests.probes");
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Telemetry:CardinalityLimit"] = "10" });
        for (var i = 0; i < 30; i++)
        {
            probes.Add(1, new KeyValuePair<string, object?>("probe", $"p{i}"));
        }

        var text = await app.Client.GetStringAsync("/metrics", Cancellation);

        var series = Regex.Matches(text, @"^dating_tests_probes_total\{([^}]*)\} (\d+)", RegexOptions.Multiline);
        // The limit's points, and the overflow point beside them.
        series.Count.ShouldBeInRange(2, 11);
        var overflow = series.Single(s => s.Groups[1].Value.Contains("otel_metric_overflow=\"true\""));
        series.Sum(s => long.Parse(s.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(30);
        long.Parse(overflow.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(20);
    }

    [Fact]
    public async Task A_cardinality_limit_below_one_stops_the_host_with_the_setting_named()
    {
        var error = await Should.ThrowAsync<InvalidOperationException>(
            () => TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Telemetry:CardinalityLimit"] = "0" }));

        error.Message.ShouldContain("Telemetry:CardinalityLimit");
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
