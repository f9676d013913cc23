using System.Net;
using System.Text;

namespace Dating.ServiceDefaults.Tests;

public sealed class JsonTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Responses_are_camel_case_with_enums_as_camel_case_strings()
    {
        await using var app = await TestApp.StartAsync();

        var json = await app.Client.GetStringAsync("/items", Cancellation);

        json.ShouldBe("{\"name\":\"first\",\"count\":1,\"mood\":\"veryHappy\"}");
    }

    [Fact]
    public async Task Requests_accept_enums_as_camel_case_strings()
    {
        await using var app = await TestApp.StartAsync();
        var body = new StringContent("{\"name\":\"x\",\"count\":2,\"mood\":\"veryHappy\"}", Encoding.UTF8, "application/json");

        var response = await app.Client.PostAsync("/items", body, Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Cancellation)).ShouldContain("\"mood\":\"veryHappy\"");
    }
}
