using System.Net;
using Dating.Chat.Tests.Infrastructure;
using Dating.Testing;
using Microsoft.AspNetCore.SignalR;

namespace Dating.Chat.Tests.Outages;

[CollectionDefinition(DisableParallelization = true)]
public sealed class StopsSharedServers;

/// <summary>Stops the shared PostgreSQL for a moment through the app host, so it runs alone.</summary>
[Collection(typeof(StopsSharedServers))]
public sealed class DatabaseOutageTests(BackingServicesFixture backing)
{
    [Fact]
    public async Task Database_unreachable_gives_503_and_a_clear_hub_error_and_chat_recovers()
    {
        await using var chat = new ChatService(backing);
        await chat.InitializeAsync();
        var (alice, bob) = await chat.TwoUsersAsync();
        var matchId = await chat.MatchAsync(alice, bob);
        await using var aliceHub = await alice.ConnectAsync();

        await backing.StopResourceAsync("postgres", TestContext.Current.CancellationToken);
        try
        {
            using var send = await alice.SendAsync(matchId, "anyone there?");
            await send.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
            using var history = await alice.GetMessagesAsync(matchId);
            await history.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
            var refused = await Should.ThrowAsync<HubException>(() => aliceHub.SendMessageAsync(matchId, "anyone there?"));
            refused.Message.ShouldContain("temporarily unavailable");
        }
        finally
        {
            await backing.StartResourceAsync("postgres", TestContext.Current.CancellationToken);
        }

        var back = await aliceHub.SendMessageAsync(matchId, "back again");
        (await bob.GetMessagesOkAsync(matchId)).ShouldBe([back]);
    }
}
