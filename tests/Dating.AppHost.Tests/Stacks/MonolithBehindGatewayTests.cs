using System.Net;
using Dating.Stacks;
using Dating.Testing;

namespace Dating.AppHost.Tests.Stacks;

public sealed class MonolithBehindGatewayTests
{
    [Fact]
    public async Task Two_monoliths_behind_the_gateway_each_serve_every_route()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stack = await TestStacks.StartAsync(["--topology", "monolith", "--replicas", "monolith=2"], ct: ct);
        using var client = new HttpClient { BaseAddress = stack.PublicUrl };
        stack.PublicUrl.ShouldBe(stack.UrlOf("gateway"));

        // Profiles routes are balanced per request (power of two choices), so both replicas answer some of them.
        var servedBy = new HashSet<string>();
        for (var i = 0; i < 40 && servedBy.Count < 2; i++)
        {
            var user = await TestUsers.RegisterAsync(client, ct: ct);
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/profiles/me");
            request.Headers.Authorization = new("Bearer", user.Token);
            using var response = await client.SendAsync(request, ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            servedBy.Add(Served.By(response));
        }

        servedBy.ShouldBe(["monolith-0", "monolith-1"], ignoreOrder: true);
    }
}
