using System.Net;
using Dating.Chat.Messages;
using Dating.Chat.Tests.Infrastructure;
using Dating.Testing;

namespace Dating.Chat.Tests.Messages;

public sealed class PaginationTests(ChatService chat) : IClassFixture<ChatService>
{
    [Fact]
    public async Task Paging_back_with_before_returns_every_message_exactly_once_newest_first()
    {
        var (alice, bob) = await chat.TwoUsersAsync();
        var matchId = await chat.MatchAsync(alice, bob);
        var sent = new List<MessageResponse>();
        for (var i = 0; i < 120; i++)
        {
            sent.Add(await (i % 3 == 0 ? bob : alice).SendOkAsync(matchId, $"message {i}"));
        }

        var pages = new List<IReadOnlyList<MessageResponse>>();
        Guid? before = null;
        while (true)
        {
            var page = await (pages.Count % 2 == 0 ? alice : bob).GetMessagesOkAsync(matchId, before, limit: 25);
            if (page.Count == 0)
            {
                break;
            }

            pages.Add(page);
            before = page[^1].MessageId;
        }

        pages.Select(p => p.Count).ShouldBe([25, 25, 25, 25, 20]);
        pages.SelectMany(p => p).ShouldBe(Enumerable.Reverse(sent));
    }

    [Fact]
    public async Task The_page_size_defaults_to_50_and_is_clamped_to_100()
    {
        var (alice, bob) = await chat.TwoUsersAsync();
        var matchId = await chat.MatchAsync(alice, bob);
        for (var i = 0; i < 105; i++)
        {
            await alice.SendOkAsync(matchId, $"m{i}");
        }

        (await alice.GetMessagesOkAsync(matchId)).Count.ShouldBe(50);
        (await alice.GetMessagesOkAsync(matchId, limit: 1000)).Count.ShouldBe(100);
        (await alice.GetMessagesOkAsync(matchId, limit: 0)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_cursor_from_another_conversation_is_a_validation_problem()
    {
        var (alice, bob) = await chat.TwoUsersAsync();
        var first = await chat.MatchAsync(alice, bob);
        var (carol, _) = await chat.TwoUsersAsync();
        var second = await chat.MatchAsync(alice, carol);
        var elsewhere = await alice.SendOkAsync(second, "to Carol");

        using var response = await alice.GetMessagesAsync(first, before: elsewhere.MessageId);
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "before");
    }
}
