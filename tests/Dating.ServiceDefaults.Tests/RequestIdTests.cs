using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dating.ServiceDefaults.Tests;

public sealed class RequestIdTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static HttpRequestMessage Get(string path, string? requestId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (requestId is not null)
        {
            request.Headers.TryAddWithoutValidation(RequestId.HeaderName, requestId);
        }

        return request;
    }

    private static string RequestIdOf(HttpResponseMessage response) =>
        response.Headers.GetValues(RequestId.HeaderName).Single();

    [Fact]
    public async Task The_callers_request_id_is_kept_and_echoed()
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.Client.SendAsync(Get("/request-id", "client-42.abc"), Cancellation);

        RequestIdOf(response).ShouldBe("client-42.abc");
        (await response.Content.ReadAsStringAsync(Cancellation)).ShouldBe("client-42.abc");
    }

    [Fact]
    public async Task A_request_without_an_id_gets_a_new_one_each_time()
    {
        await using var app = await TestApp.StartAsync();

        var first = await app.Client.SendAsync(Get("/request-id", null), Cancellation);
        var second = await app.Client.SendAsync(Get("/request-id", null), Cancellation);

        RequestIdOf(first).ShouldNotBeNullOrWhiteSpace();
        RequestIdOf(first).ShouldNotBe(RequestIdOf(second));
        (await first.Content.ReadAsStringAsync(Cancellation)).ShouldBe(RequestIdOf(first));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("tab\tinside")]
    [InlineData("ünïcode")]
    public async Task An_unsafe_request_id_is_replaced(string unsafeId)
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.Client.SendAsync(Get("/request-id", unsafeId), Cancellation);

        RequestIdOf(response).ShouldNotBe(unsafeId);
        RequestId.IsValid(RequestIdOf(response)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_request_id_longer_than_128_characters_is_replaced()
    {
        await using var app = await TestApp.StartAsync();
        var longest = new string('x', 128);
        var tooLong = new string('x', 129);

        var kept = await app.Client.SendAsync(Get("/request-id", longest), Cancellation);
        var replaced = await app.Client.SendAsync(Get("/request-id", tooLong), Cancellation);

        RequestIdOf(kept).ShouldBe(longest);
        RequestIdOf(replaced).ShouldNotBe(tooLong);
    }

    [Theory]
    [InlineData("/nowhere", HttpStatusCode.NotFound)]
    [InlineData("/boom", HttpStatusCode.InternalServerError)]
    public async Task Error_responses_echo_the_request_id(string path, HttpStatusCode status)
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.Client.SendAsync(Get(path, "trace-me"), Cancellation);

        response.StatusCode.ShouldBe(status);
        RequestIdOf(response).ShouldBe("trace-me");
    }

    [Fact]
    public async Task Outgoing_http_calls_carry_the_request_id()
    {
        await using var app = await TestApp.StartAsync(
            map: web => web.MapGet("/call-out", async (IHttpClientFactory clients, HttpContext context) =>
            {
                var self = $"{context.Request.Scheme}://{context.Request.Host}/request-id";
                return await clients.CreateClient().GetStringAsync(self, context.RequestAborted);
            }),
            kestrel: true);

        var response = await app.Client.SendAsync(Get("/call-out", "across-services"), Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Cancellation)).ShouldBe("across-services");
    }

    [Fact]
    public async Task Logs_written_during_the_request_carry_its_id()
    {
        var logs = new CapturedLogs();
        await using var app = await TestApp.StartAsync(
            builder => builder.Logging.AddProvider(logs),
            web => web.MapGet("/log", (ILogger<RequestIdTests> logger) => logger.LogInformation("handling the request")));

        await app.Client.SendAsync(Get("/log", "find-me-in-logs"), Cancellation);

        logs.Entries.ShouldContain(entry => entry.Message == "handling the request" && entry.RequestId == "find-me-in-logs");
    }

    [Fact]
    public async Task The_trace_carries_the_request_id()
    {
        await using var app = await TestApp.StartAsync(
            map: web => web.MapGet("/trace", () => Activity.Current?.GetTagItem(RequestId.ActivityTag) as string ?? "none"));

        var response = await app.Client.SendAsync(Get("/trace", "find-me-in-traces"), Cancellation);

        (await response.Content.ReadAsStringAsync(Cancellation)).ShouldBe("find-me-in-traces");
    }
}
