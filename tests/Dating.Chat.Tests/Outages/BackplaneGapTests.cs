using Dating.Chat.Messages;
using Dating.Chat.Tests.Infrastructure;
using Dating.Testing;
using StackExchange.Redis;

namespace Dating.Chat.Tests.Outages;

/// <summary>
/// Redis pub/sub keeps nothing for a subscriber that is away: when chat's backplane subscription is lost and comes
/// back, messages sent in between never reached this replica's open connections. Chat closes them, so the client
/// reconnects and reads what it missed. Runs alone: it drops every subscriber of the shared Redis.
/// </summary>
[Collection(typeof(StopsSharedServers))]
public sealed class BackplaneGapTests(BackingServicesFixture backing)
{
    [Fact]
    public async Task A_lost_backplane_subscription_closes_the_hub_connections_once_it_is_back_and_a_new_one_gets_messages()
    {
        await using var chat = new ChatService(backing);
        await chat.InitializeAsync();
        var (alice, bob) = await chat.TwoUsersAsync();
        var matchId = await chat.MatchAsync(alice, bob);
        await using var aliceHub = await alice.ConnectAsync();
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        aliceHub.Hub.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };

        // What a network blip or a Redis restart does to a subscriber: its connection drops, and the client reconnects.
        await using (var redis = await ConnectionMultiplexer.ConnectAsync($"{backing.RedisConnectionString},allowAdmin=true"))
        {
            await redis.GetDatabase().ExecuteAsync("CLIENT", "KILL", "TYPE", "pubsub");
        }

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        await using var again = await alice.ConnectAsync();
        var sent = await bob.SendOkAsync(matchId, "still there?");
        await again.WaitForAsync<MessageResponse>(m => m.MessageId == sent.MessageId);
    }
}
