using System.Net.Http.Json;
using Dating.Chat.Tests.Infrastructure;
using Dating.Testing;

namespace Dating.Chat.Tests.Messages;

/// <summary>What sending a message costs in database round trips.</summary>
public sealed class RoundTripTests(ChatService chat) : IClassFixture<ChatService>, IDisposable
{
    private readonly TracedStatements _statements = new();

    [Fact]
    public async Task A_message_is_sent_in_two_statements_before_its_commit()
    {
        var (alice, bob) = await chat.TwoUsersAsync();
        var matchId = await chat.MatchAsync(alice, bob);

        // The conversation with its row lock shared; the message and its MessageSent in the outbox (one batch).
        var sent = await _statements.OfAsync(alice.Http, new HttpRequestMessage(HttpMethod.Post, $"/api/chat/conversations/{matchId}/messages")
        {
            Content = JsonContent.Create(new { text = "hello" }),
        });

        sent.Count.ShouldBe(2, string.Join(" | ", sent));
        sent[0].ShouldContain("FOR SHARE");
    }

    public void Dispose() => _statements.Dispose();
}
