using System.Net;
using System.Net.WebSockets;
using Dating.Chat.Messages;
using Dating.Chat.Realtime;
using Dating.Chat.Tests.Infrastructure;
using Dating.Contracts.Matching;
using Dating.Contracts.Profiles;
using Dating.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Dating.Chat.Tests.Access;

public sealed class ConversationAccessTests(ChatService chat) : IClassFixture<ChatService>
{
    [Fact]
    public async Task An_outsider_cannot_read_send_mark_or_receive_a_conversations_messages()
    {
        var (alice, bob) = await chat.TwoUsersAsync();
        var mallory = await chat.SignInAsync(Guid.NewGuid(), replica: 1);
        await using var bobHub = await bob.ConnectAsync();
        await using var malloryHub = await mallory.ConnectAsync();
        var matchId = await chat.MatchAsync(alice, bob);
        var hello = await alice.SendOkAsync(matchId, "for Bob only");

        using (var read = await mallory.GetMessagesAsync(matchId))
        {
            await read.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        using (var send = await mallory.SendAsync(matchId, "let me in"))
        {
            await send.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        using (var mark = await mallory.MarkReadAsync(matchId, hello.MessageId))
        {
            await mark.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        var refused = await Should.ThrowAsync<HubException>(() => malloryHub.SendMessageAsync(matchId, "let me in"));
        refused.Message.ShouldContain("No such conversation");
        (await mallory.GetConversationsAsync()).ShouldBeEmpty();

        // Bob hears the next message, then Mallory hears of a match of her own; by then she would have heard both.
        var second = await alice.SendOkAsync(matchId, "still for Bob only");
        await bobHub.WaitForAsync<MessageResponse>(m => m.MessageId == second.MessageId);
        var ownMatch = await chat.MatchAsync(await chat.SignInAsync(Guid.NewGuid()), mallory);
        await malloryHub.WaitForAsync<MatchedNotice>(n => n.MatchId == ownMatch);
        malloryHub.All<MessageResponse>().ShouldBeEmpty();
        malloryHub.All<MatchedNotice>().ShouldAllBe(n => n.MatchId == ownMatch);
        (await alice.GetMessagesOkAsync(matchId)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_conversation_is_not_found_without_a_match()
    {
        var alice = await chat.SignInAsync(Guid.NewGuid());
        using var response = await alice.SendAsync(Guid.NewGuid(), "anyone?");
        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task After_unmatch_sending_is_refused_with_409_and_both_users_hear_unmatched()
    {
        var (alice, bob) = await chat.TwoUsersAsync();
        await using var aliceHub = await alice.ConnectAsync();
        await using var bobHub = await bob.ConnectAsync();
        var matchId = await chat.MatchAsync(alice, bob);
        await alice.SendOkAsync(matchId, "bye?");

        await chat.PublishAsync(new MatchEnded(matchId, alice.UserId, bob.UserId, MatchEndReason.Unmatched, DateTimeOffset.UtcNow));
        (await aliceHub.WaitForAsync<UnmatchedNotice>(u => u.MatchId == matchId)).ShouldBe(new UnmatchedNotice(matchId));
        await bobHub.WaitForAsync<UnmatchedNotice>(u => u.MatchId == matchId);

        using (var send = await bob.SendAsync(matchId, "wait"))
        {
            await send.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        }

        (await Should.ThrowAsync<HubException>(() => aliceHub.SendMessageAsync(matchId, "wait"))).Message.ShouldContain("closed");
        using (var history = await alice.GetMessagesAsync(matchId))
        {
            await history.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }

        (await alice.GetConversationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_block_closes_the_conversation_between_the_two()
    {
        var (alice, bob) = await chat.TwoUsersAsync();
        await using var bobHub = await bob.ConnectAsync();
        var matchId = await chat.MatchAsync(alice, bob);

        await chat.PublishAsync(new UserBlocked(bob.UserId, alice.UserId, DateTimeOffset.UtcNow));
        await bobHub.WaitForAsync<UnmatchedNotice>(u => u.MatchId == matchId);

        using var send = await alice.SendAsync(matchId, "why?");
        await send.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_match_end_that_overtakes_its_creation_keeps_the_conversation_closed()
    {
        var (alice, bob) = await chat.TwoUsersAsync();
        var matchId = Guid.CreateVersion7();

        await chat.PublishAsync(new MatchEnded(matchId, alice.UserId, bob.UserId, MatchEndReason.Unmatched, DateTimeOffset.UtcNow));
        await chat.WaitUntilAsync(db => db.Conversations.AnyAsync(c => c.MatchId == matchId && c.ClosedAt != null), "the closed conversation is recorded");
        await chat.PublishAsync(new MatchCreated(matchId, alice.UserId, bob.UserId, DateTimeOffset.UtcNow));
        var (later, _) = await chat.TwoUsersAsync();
        var laterMatch = await chat.MatchAsync(later, bob); // the earlier MatchCreated was consumed before this one

        (await bob.GetConversationsAsync()).Select(c => c.MatchId).ShouldBe([laterMatch]);
        using var send = await alice.SendAsync(matchId, "hello?");
        await send.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_deleted_account_takes_its_conversations_and_messages_and_the_partner_hears_unmatched()
    {
        var (alice, bob) = await chat.TwoUsersAsync();
        await using var bobHub = await bob.ConnectAsync();
        var matchId = await chat.MatchAsync(alice, bob);
        await alice.SendOkAsync(matchId, "soon gone");
        await bob.SendOkAsync(matchId, "and mine too");

        await chat.PublishAsync(new ProfileDeleted(alice.UserId, DateTimeOffset.UtcNow));
        await bobHub.WaitForAsync<UnmatchedNotice>(u => u.MatchId == matchId);

        (await chat.QueryAsync(db => db.Messages.CountAsync(m => m.MatchId == matchId))).ShouldBe(0);
        (await chat.QueryAsync(db => db.Conversations.CountAsync(c => c.MatchId == matchId))).ShouldBe(0);
        (await bob.GetConversationsAsync()).ShouldBeEmpty();
        using var send = await bob.SendAsync(matchId, "hello?");
        await send.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_hub_refuses_a_connection_without_a_valid_session()
    {
        using var stranger = new ChatClient(Guid.NewGuid(), "not-a-session", chat.Host.Address);
        await Should.ThrowAsync<WebSocketException>(stranger.ConnectAsync);

        using var anonymous = new HttpClient { BaseAddress = chat.Host.Address };
        using var negotiate = await anonymous.PostAsync(
            "/hubs/chat/negotiate?negotiateVersion=1&access_token=not-a-session", null, TestContext.Current.CancellationToken);
        await negotiate.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}
