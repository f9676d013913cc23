using System.Net;
using Dating.Chat.Messages;
using Dating.Chat.Realtime;
using Dating.Chat.Tests.Infrastructure;
using Dating.Contracts.Matching;
using Dating.Testing;

namespace Dating.Chat.Tests.Realtime;

public sealed class ReplicaExchangeTests(ChatService chat) : IClassFixture<ChatService>
{
    [Fact]
    public async Task Matched_users_on_different_replicas_exchange_messages_in_real_time_through_the_hub_and_rest()
    {
        var (alice, bob) = await chat.TwoUsersAsync(replicaA: 0, replicaB: 1);
        await using var aliceHub = await alice.ConnectAsync();
        await using var bobHub = await bob.ConnectAsync();

        var matchId = await chat.MatchAsync(alice, bob);
        (await aliceHub.WaitForAsync<MatchedNotice>(m => m.MatchId == matchId)).UserId.ShouldBe(bob.UserId);
        (await bobHub.WaitForAsync<MatchedNotice>(m => m.MatchId == matchId)).UserId.ShouldBe(alice.UserId);

        // Through the hub on replica 0: Bob, on replica 1, receives it through the backplane.
        var hello = await aliceHub.SendMessageAsync(matchId, "  Hello Bob  ");
        hello.Text.ShouldBe("Hello Bob");
        hello.SenderId.ShouldBe(alice.UserId);
        (await bobHub.WaitForAsync<MessageResponse>(m => m.MessageId == hello.MessageId)).ShouldBe(hello);
        (await aliceHub.WaitForAsync<MessageResponse>(m => m.MessageId == hello.MessageId)).ShouldBe(hello);

        // Through REST on replica 1: Alice, on replica 0, receives it.
        var reply = await bob.SendOkAsync(matchId, "Hi Alice");
        (await aliceHub.WaitForAsync<MessageResponse>(m => m.MessageId == reply.MessageId)).ShouldBe(reply);
        (await bobHub.WaitForAsync<MessageResponse>(m => m.MessageId == reply.MessageId)).ShouldBe(reply);

        var third = await bobHub.SendMessageAsync(matchId, "How are you?");
        (await aliceHub.WaitForAsync<MessageResponse>(m => m.MessageId == third.MessageId)).ShouldBe(third);

        // Both replicas tell the same history, newest first; the deliveries came in sending order.
        (await alice.GetMessagesOkAsync(matchId)).ShouldBe([third, reply, hello]);
        (await bob.GetMessagesOkAsync(matchId)).ShouldBe([third, reply, hello]);
        aliceHub.All<MessageResponse>().Where(m => m.MatchId == matchId).ShouldBe([hello, reply, third]);
    }

    [Fact]
    public async Task The_conversation_list_counts_unread_messages_until_a_read_receipt_which_the_sender_hears()
    {
        var (alice, bob) = await chat.TwoUsersAsync(replicaA: 0, replicaB: 1);
        await using var bobHub = await bob.ConnectAsync();
        var matchId = await chat.MatchAsync(alice, bob);

        (await alice.GetConversationsAsync()).ShouldHaveSingleItem().ShouldBe(new(matchId, bob.UserId, null, 0));

        var first = await bob.SendOkAsync(matchId, "one");
        var second = await bob.SendOkAsync(matchId, "two");
        var mine = await alice.SendOkAsync(matchId, "mine");
        var last = await bob.SendOkAsync(matchId, "three");

        var summary = (await alice.GetConversationsAsync()).ShouldHaveSingleItem();
        summary.OtherUserId.ShouldBe(bob.UserId);
        summary.LastMessage.ShouldBe(last);
        summary.UnreadCount.ShouldBe(3);
        (await bob.GetConversationsAsync()).ShouldHaveSingleItem().UnreadCount.ShouldBe(1);

        using (var read = await alice.MarkReadAsync(matchId, second.MessageId))
        {
            await read.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        }

        (await bobHub.WaitForAsync<ReadNotice>(r => r.MatchId == matchId)).ShouldBe(new ReadNotice(matchId, alice.UserId, second.MessageId));
        (await alice.GetConversationsAsync()).ShouldHaveSingleItem().UnreadCount.ShouldBe(1);

        // A marker never moves back.
        using (var older = await alice.MarkReadAsync(matchId, first.MessageId))
        {
            await older.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        }

        (await alice.GetConversationsAsync()).ShouldHaveSingleItem().UnreadCount.ShouldBe(1);

        using (var all = await alice.MarkReadAsync(matchId, last.MessageId))
        {
            await all.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        }

        (await alice.GetConversationsAsync()).ShouldHaveSingleItem().UnreadCount.ShouldBe(0);
        mine.SenderId.ShouldBe(alice.UserId);
    }

    [Fact]
    public async Task A_user_told_matched_can_send_at_once()
    {
        var (alice, bob) = await chat.TwoUsersAsync(replicaA: 0, replicaB: 1);
        await using var bobHub = await bob.ConnectAsync();
        await using var aliceHub = await alice.ConnectAsync();

        var matchId = Guid.CreateVersion7();
        await chat.PublishAsync(new MatchCreated(matchId, alice.UserId, bob.UserId, DateTimeOffset.UtcNow));
        await bobHub.WaitForAsync<MatchedNotice>(m => m.MatchId == matchId);

        var first = await bobHub.SendMessageAsync(matchId, "quick!");
        (await aliceHub.WaitForAsync<MessageResponse>(m => m.MatchId == matchId)).ShouldBe(first);
    }
}
