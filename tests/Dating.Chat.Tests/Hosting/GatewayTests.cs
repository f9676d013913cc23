using System.Net.Http.Json;
using System.Reflection;
using Dating.Chat.Conversations;
using Dating.Chat.Messages;
using Dating.Chat.Realtime;
using Dating.Chat.Tests.Infrastructure;
using Dating.Contracts;
using Dating.Contracts.Matching;
using Dating.Stacks;
using Dating.Testing;
using MassTransit;

namespace Dating.Chat.Tests.Hosting;

/// <summary>The real app host: gateway, profiles and two chat replicas, each its own process, reached only through the gateway.</summary>
public sealed class GatewayStack : IAsyncLifetime
{
    public AppHostStack Stack { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Stack = await TestStacks.StartAsync(["--replicas", "chat=2"]);

    public async ValueTask DisposeAsync() => await Stack.DisposeAsync();
}

public sealed class GatewayTests(GatewayStack stack) : IClassFixture<GatewayStack>
{
    [Fact]
    public async Task Users_registered_through_the_gateway_chat_over_its_websocket_across_two_chat_replicas()
    {
        var ct = TestContext.Current.CancellationToken;
        var publicUrl = stack.Stack.PublicUrl;
        using var gateway = new HttpClient { BaseAddress = publicUrl };
        var aliceAccount = await TestUsers.RegisterAsync(gateway, ct: ct);
        var bobAccount = await TestUsers.RegisterAsync(gateway, ct: ct);
        using var alice = new ChatClient(aliceAccount.UserId, aliceAccount.Token, publicUrl);
        using var bob = new ChatClient(bobAccount.UserId, bobAccount.Token, publicUrl);
        await using var aliceHub = await alice.ConnectAsync();
        await using var bobHub = await bob.ConnectAsync();

        var matchId = Guid.CreateVersion7();
        await PublishAsync(new MatchCreated(matchId, alice.UserId, bob.UserId, DateTimeOffset.UtcNow), ct);
        await bobHub.WaitForAsync<MatchedNotice>(m => m.MatchId == matchId);
        await WaitForConversationAsync(alice, matchId, ct);

        // Alternate so each replica answers some of the sends; both users hear every message.
        var sent = new List<MessageResponse>();
        for (var i = 0; i < 4; i++)
        {
            sent.Add(await (i % 2 == 0 ? aliceHub : bobHub).SendMessageAsync(matchId, $"through the gateway {i}"));
        }

        sent.Add(await bob.SendOkAsync(matchId, "and over REST"));
        (await aliceHub.WaitForAsync<MessageResponse>(m => m.MatchId == matchId, sent.Count)).ShouldBe(sent);
        (await bobHub.WaitForAsync<MessageResponse>(m => m.MatchId == matchId, sent.Count)).ShouldBe(sent);
        (await alice.GetMessagesOkAsync(matchId)).ShouldBe(Enumerable.Reverse(sent));
    }

    private async Task PublishAsync<T>(T message, CancellationToken ct)
        where T : class
    {
        // The stack's own broker, where its chat replicas listen.
        var rabbitMq = await stack.Stack.ConnectionStringAsync("rabbitmq", ct);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(rabbitMq));
            cfg.Message<T>(m => m.SetEntityName(typeof(T).GetCustomAttribute<IntegrationEventAttribute>()!.WireName));
        });
        await bus.StartAsync(ct);
        try
        {
            await bus.Publish(message, ct);
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }

    private static Task WaitForConversationAsync(ChatClient client, Guid matchId, CancellationToken ct) =>
        Eventually.UntilAsync(
            async () => (await client.Http.GetFromJsonAsync<List<ConversationSummary>>("/api/chat/conversations", ct))!.Any(c => c.MatchId == matchId),
            "the conversation to open");
}
