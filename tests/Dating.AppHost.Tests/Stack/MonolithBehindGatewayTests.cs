using System.Net;
using Dating.Testing;

namespace Dating.AppHost.Tests.Stack;

/// <summary>The horizontally scaled monolith: the same gateway, every cluster pointing at the monolith replicas.</summary>
public sealed class MonolithBehindGatewayTests(ScaledMonolithStack fixture) : IClassFixture<ScaledMonolithStack>
{
    [Fact]
    public async Task Two_monolith_replicas_run_behind_the_gateway_and_both_answer_every_module()
    {
        var stack = fixture.Stack;
        stack.HasGateway.ShouldBeTrue();
        stack.PublicUrl.ShouldBe(stack.Gateway.Url);
        stack.Replicas.Select(r => r.Name).ShouldBe(["monolith-0", "monolith-1"], ignoreOrder: true);

        using var anonymous = new HttpClient { BaseAddress = stack.PublicUrl };
        var user = await TestUsers.RegisterAsync(anonymous, ct: TestContext.Current.CancellationToken);
        using var client = new HttpClient { BaseAddress = stack.PublicUrl }.WithToken(user.Token);

        var servedBy = new Dictionary<string, HashSet<string>>();
        foreach (var path in new[] { "/api/auth/session", "/api/profiles/me", "/api/photos/me" })
        {
            for (var i = 0; i < 20; i++)
            {
                using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
                servedBy.TryAdd(path, []);
                servedBy[path].Add(Served.By(response));
            }
        }

        var replicas = servedBy.Values.SelectMany(s => s).ToHashSet();
        replicas.ShouldBe(["monolith-0", "monolith-1"], ignoreOrder: true);

        // Chat and Matching keep a user on one replica (the gateway's affinity), and it is a monolith replica.
        using var conversations = await client.GetAsync("/api/chat/conversations", TestContext.Current.CancellationToken);
        conversations.StatusCode.ShouldBe(HttpStatusCode.OK);
        Served.By(conversations).ShouldStartWith("monolith-");
    }
}
