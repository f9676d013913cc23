using System.Net;
using System.Text;

namespace Dating.ServiceDefaults.Tests;

// On Kestrel: the limit is enforced by the server (TestServer has no IHttpMaxRequestBodySizeFeature).
public sealed class BodyLimitTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static StringContent JsonOfSize(int bytes)
    {
        var padding = new string('a', bytes - "{\"name\":\"\",\"count\":1,\"mood\":\"sad\"}".Length);
        return new StringContent($"{{\"name\":\"{padding}\",\"count\":1,\"mood\":\"sad\"}}", Encoding.UTF8, "application/json");
    }

    [Fact]
    public async Task A_1_MiB_json_body_is_refused_with_a_413_problem()
    {
        await using var app = await TestApp.StartAsync(kestrel: true);

        var response = await app.Client.PostAsync("/items", JsonOfSize(1024 * 1024), Cancellation);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_body_over_the_limit_without_content_length_is_refused_with_a_413_problem()
    {
        await using var app = await TestApp.StartAsync(kestrel: true);
        var content = JsonOfSize(1024 * 1024);
        var request = new HttpRequestMessage(HttpMethod.Post, "/items") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await app.Client.SendAsync(request, Cancellation);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_json_body_under_64_KiB_is_accepted()
    {
        await using var app = await TestApp.StartAsync(kestrel: true);

        var response = await app.Client.PostAsync("/items", JsonOfSize(60 * 1024), Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_default_limit_comes_from_configuration()
    {
        await using var app = await TestApp.StartAsync(
            builder => builder.Configuration["RequestLimits:MaxBodyBytes"] = "1024",
            kestrel: true);

        var small = await app.Client.PostAsync("/items", JsonOfSize(1000), Cancellation);
        var large = await app.Client.PostAsync("/items", JsonOfSize(2000), Cancellation);

        small.StatusCode.ShouldBe(HttpStatusCode.OK);
        await large.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task An_endpoint_can_raise_its_own_limit()
    {
        await using var app = await TestApp.StartAsync(kestrel: true);

        var within = await app.Client.PostAsync("/uploads", new ByteArrayContent(new byte[TestEndpoints.UploadLimit]), Cancellation);
        // Kestrel answers 413 from the Content-Length and closes the connection: a client still writing the body can
        // meet a broken pipe before it reads that answer. Asking to continue first, it sends no body and reads the 413.
        var tooLarge = new HttpRequestMessage(HttpMethod.Post, "/uploads") { Content = new ByteArrayContent(new byte[TestEndpoints.UploadLimit + 1]) };
        tooLarge.Headers.ExpectContinue = true;
        var beyond = await app.Client.SendAsync(tooLarge, Cancellation);

        within.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await within.Content.ReadAsStringAsync(Cancellation)).ShouldBe(TestEndpoints.UploadLimit.ToString());
        await beyond.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }
}
