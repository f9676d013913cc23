using System.Net;
using System.Net.Http.Json;
using Dating.Chat.Messages;
using Dating.Chat.Tests.Infrastructure;
using Dating.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Dating.Chat.Tests.Messages;

public sealed class SendingRulesTests(ChatService chat) : IClassFixture<ChatService>
{
    [Fact]
    public async Task A_retried_send_with_the_same_client_message_id_is_stored_once_and_answered_the_same()
    {
        var (alice, bob) = await chat.TwoUsersAsync();
        var matchId = await chat.MatchAsync(alice, bob);

        var first = await alice.SendOkAsync(matchId, "exactly once", clientMessageId: "c-1");
        var retry = await alice.SendOkAsync(matchId, "exactly once", clientMessageId: "c-1");
        retry.ShouldBe(first);

        // Concurrent retries race on the unique index; all get the one message.
        var racing = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => alice.SendOkAsync(matchId, "racing", clientMessageId: "c-2")));
        racing.Select(m => m.MessageId).Distinct().ShouldHaveSingleItem();

        // Through the hub as well, across replicas.
        await using var bobHub = await bob.ConnectAsync();
        var viaHub = await bobHub.SendMessageAsync(matchId, "hub once", "c-1");
        (await bobHub.SendMessageAsync(matchId, "hub once", "c-1")).ShouldBe(viaHub);
        viaHub.MessageId.ShouldNotBe(first.MessageId); // the key is per sender

        (await alice.GetMessagesOkAsync(matchId)).Count.ShouldBe(3);
        (await chat.QueryAsync(db => db.Messages.CountAsync(m => m.MatchId == matchId))).ShouldBe(3);
    }

    [Fact]
    public async Task A_client_message_id_cannot_be_reused_in_another_conversation()
    {
        var (alice, bob) = await chat.TwoUsersAsync();
        var (carol, _) = await chat.TwoUsersAsync();
        var withBob = await chat.MatchAsync(alice, bob);
        var withCarol = await chat.MatchAsync(alice, carol);
        await alice.SendOkAsync(withBob, "to Bob", clientMessageId: "same");

        using var response = await alice.SendAsync(withCarol, "to Carol", clientMessageId: "same");
        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("")]
    [InlineData("    ")]
    [InlineData(null)]
    public async Task Empty_text_is_a_validation_problem(string? text)
    {
        var (alice, bob) = await chat.TwoUsersAsync();
        var matchId = await chat.MatchAsync(alice, bob);

        using var response = await alice.SendAsync(matchId, text);
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "text");
    }

    [Fact]
    public async Task Text_may_be_2000_characters_after_trimming_but_not_2001()
    {
        var (alice, bob) = await chat.TwoUsersAsync();
        var matchId = await chat.MatchAsync(alice, bob);

        var longest = await alice.SendOkAsync(matchId, "  " + new string('a', 2000) + "\n");
        longest.Text.Length.ShouldBe(2000);

        using var response = await alice.SendAsync(matchId, new string('a', 2001));
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "text");

        await using var hub = await alice.ConnectAsync();
        (await Should.ThrowAsync<HubException>(() => hub.SendMessageAsync(matchId, new string('b', 2001)))).Message.ShouldContain("2000");
        (await alice.GetMessagesOkAsync(matchId)).ShouldBe([longest]);
    }

    [Fact]
    public async Task A_malformed_body_is_a_problem_not_a_crash()
    {
        var (alice, bob) = await chat.TwoUsersAsync();
        var matchId = await chat.MatchAsync(alice, bob);

        using var content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json");
        using var response = await alice.Http.PostAsync($"/api/chat/conversations/{matchId}/messages", content, TestContext.Current.CancellationToken);
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        using var read = await alice.Http.PostAsJsonAsync($"/api/chat/conversations/{matchId}/read", new { }, TestContext.Current.CancellationToken);
        await read.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "upToMessageId");
    }

    [Fact]
    public async Task Without_a_session_every_chat_endpoint_answers_401()
    {
        using var anonymous = new HttpClient { BaseAddress = chat.Host.Address };
        using var response = await anonymous.GetAsync("/api/chat/conversations", TestContext.Current.CancellationToken);
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}
