using System.Net;
using System.Text.Json;
using Dating.EndToEnd.Tests.Client;
using Dating.EndToEnd.Tests.Stacks;
using Microsoft.AspNetCore.SignalR;

namespace Dating.EndToEnd.Tests.Specs;

public abstract class ChatSpecs(TopologyStack stack) : ApiSpec(stack)
{
    [Fact]
    public async Task A_matched_pair_chats_over_rest_and_the_hub_in_real_time_with_read_receipts()
    {
        var here = Place.Somewhere();
        var uma = await RegisterAsync(Person.Woman("Uma", here));
        var vic = await RegisterAsync(Person.Man("Vic", here.North(1)));

        // Uma holds a connection on every process serving the hub, so each event must reach all of them.
        var umaHubs = await Task.WhenAll(Stack.HubServers.Select(server => ConnectAsync(uma, server)));
        var vicHub = await ConnectAsync(vic);
        var matchId = await MatchAsync(vic, uma);
        (await umaHubs[0].NextAsync("matched")).Guid("userId").ShouldBe(vic.UserId);
        var matched = await vicHub.NextAsync("matched");
        matched.Guid("matchId").ShouldBe(matchId);
        matched.Guid("userId").ShouldBe(uma.UserId);

        // REST in, WebSocket out, on every replica.
        var sent = (await vic.PostAsync($"/api/chat/conversations/{matchId}/messages", new { text = "Hi Uma!" })).ShouldBe(HttpStatusCode.Created);
        sent.Guid("matchId").ShouldBe(matchId);
        sent.Guid("senderId").ShouldBe(vic.UserId);
        sent.String("text").ShouldBe("Hi Uma!");
        sent.GetProperty("sentAt").GetDateTimeOffset().ShouldBe(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(2));
        foreach (var hub in umaHubs)
        {
            var delivered = await hub.NextAsync("message");
            delivered.GetRawText().ShouldBe(sent.GetRawText(), $"the message event on {hub.Server} is the stored message");
        }

        // Hub in, WebSocket out.
        var reply = await umaHubs[^1].SendMessageAsync(matchId, "Hello Vic");
        reply.Guid("matchId").ShouldBe(matchId);
        reply.Guid("senderId").ShouldBe(uma.UserId);
        reply.String("text").ShouldBe("Hello Vic");
        (await vicHub.NextAsync("message", m => m.Guid("messageId") == reply.Guid("messageId"))).String("text").ShouldBe("Hello Vic");

        var history = (await vic.GetAsync($"/api/chat/conversations/{matchId}/messages")).ShouldBe(HttpStatusCode.OK);
        history.Ids("messageId").ShouldBe([reply.Guid("messageId"), sent.Guid("messageId")]);

        var vicsView = await ConversationAsync(vic, matchId);
        vicsView.Guid("otherUserId").ShouldBe(uma.UserId);
        vicsView.GetProperty("lastMessage").Guid("messageId").ShouldBe(reply.Guid("messageId"));
        vicsView.GetProperty("unreadCount").GetInt32().ShouldBe(1);
        (await ConversationAsync(uma, matchId)).GetProperty("unreadCount").GetInt32().ShouldBe(1);

        // Read receipts: the reader's count drops, the sender hears of it.
        (await uma.PostAsync($"/api/chat/conversations/{matchId}/read", new { upToMessageId = sent.Guid("messageId") })).ShouldBe(HttpStatusCode.NoContent);
        var read = await vicHub.NextAsync("read");
        read.Guid("matchId").ShouldBe(matchId);
        read.Guid("userId").ShouldBe(uma.UserId);
        read.Guid("upToMessageId").ShouldBe(sent.Guid("messageId"));
        (await ConversationAsync(uma, matchId)).GetProperty("unreadCount").GetInt32().ShouldBe(0);
        (await ConversationAsync(vic, matchId)).GetProperty("unreadCount").GetInt32().ShouldBe(1);
        (await uma.PostAsync($"/api/chat/conversations/{matchId}/read", new { upToMessageId = Guid.NewGuid() }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "upToMessageId");

        // Text is 1 to 2000 characters after trimming.
        (await vic.PostAsync($"/api/chat/conversations/{matchId}/messages", new { text = "   " })).ShouldBeProblem(HttpStatusCode.BadRequest, "text");
        (await vic.PostAsync($"/api/chat/conversations/{matchId}/messages", new { text = new string('x', 2001) })).ShouldBeProblem(HttpStatusCode.BadRequest, "text");
        (await vic.PostAsync($"/api/chat/conversations/{matchId}/messages", new { text = new string('x', 2000) })).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Nobody_outside_the_match_can_read_or_write_its_conversation()
    {
        var here = Place.Somewhere();
        var wes = await RegisterAsync(Person.Man("Wes", here));
        var xia = await RegisterAsync(Person.Woman("Xia", here));
        var yan = await RegisterAsync(Person.Man("Yan", here));
        var matchId = await MatchAsync(wes, xia);
        var message = (await xia.PostAsync($"/api/chat/conversations/{matchId}/messages", new { text = "Just us" })).ShouldBe(HttpStatusCode.Created);

        (await yan.GetAsync($"/api/chat/conversations/{matchId}/messages")).ShouldBeProblem(HttpStatusCode.NotFound);
        (await yan.PostAsync($"/api/chat/conversations/{matchId}/messages", new { text = "Let me in" })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await yan.PostAsync($"/api/chat/conversations/{matchId}/read", new { upToMessageId = message.Guid("messageId") })).ShouldBeProblem(HttpStatusCode.NotFound);
        (await yan.DeleteAsync($"/api/matching/matches/{matchId}")).ShouldBeProblem(HttpStatusCode.NotFound);
        (await yan.GetAsync("/api/chat/conversations")).ShouldBe(HttpStatusCode.OK).Items().ShouldBeEmpty();
        var yanHub = await ConnectAsync(yan);
        await Should.ThrowAsync<HubException>(() => yanHub.SendMessageAsync(matchId, "Let me in"));
        (await wes.GetAsync($"/api/chat/conversations/{matchId}/messages")).ShouldBe(HttpStatusCode.OK).Ids("messageId").ShouldBe([message.Guid("messageId")]);
    }

    [Fact]
    public async Task History_pages_newest_first_with_keyset_cursors()
    {
        var here = Place.Somewhere();
        var zoe = await RegisterAsync(Person.Woman("Zoe", here));
        var abe = await RegisterAsync(Person.Man("Abe", here));
        var matchId = await MatchAsync(zoe, abe);
        var path = $"/api/chat/conversations/{matchId}/messages";
        var sent = new List<Guid>();
        for (var i = 1; i <= 7; i++)
        {
            var sender = i % 2 == 0 ? abe : zoe;
            sent.Add((await sender.PostAsync(path, new { text = $"message {i}" })).ShouldBe(HttpStatusCode.Created).Guid("messageId"));
        }

        var newestFirst = Enumerable.Reverse(sent).ToList();
        var all = (await zoe.GetAsync(path)).ShouldBe(HttpStatusCode.OK);
        all.Ids("messageId").ShouldBe(newestFirst);
        all.Items().Select(m => m.String("text")).ShouldBe(Enumerable.Range(1, 7).Reverse().Select(i => $"message {i}"));

        var pages = new List<IReadOnlyList<Guid>>();
        string? before = null;
        do
        {
            var page = (await abe.GetAsync($"{path}?limit=3{(before is null ? "" : $"&before={before}")}")).ShouldBe(HttpStatusCode.OK).Ids("messageId");
            pages.Add(page);
            before = page.Count == 0 ? null : page[^1].ToString();
        }
        while (before is not null && pages.Count < 10);

        pages.Select(p => p.Count).ShouldBe([3, 3, 1, 0]);
        pages.SelectMany(p => p).ShouldBe(newestFirst);

        // A message arriving meanwhile does not shift older pages.
        (await zoe.PostAsync(path, new { text = "late" })).ShouldBe(HttpStatusCode.Created);
        (await abe.GetAsync($"{path}?limit=3&before={pages[0][^1]}")).ShouldBe(HttpStatusCode.OK).Ids("messageId").ShouldBe(pages[1]);

        // Limits are clamped, not refused; an unknown cursor is bad input.
        (await abe.GetAsync($"{path}?limit=1000")).ShouldBe(HttpStatusCode.OK).Items().Count.ShouldBe(8);
        (await abe.GetAsync($"{path}?before={Guid.NewGuid()}")).ShouldBeProblem(HttpStatusCode.BadRequest, "before");
    }

    [Fact]
    public async Task Unmatching_closes_the_conversation_for_both_and_sending_is_refused_after()
    {
        var here = Place.Somewhere();
        var bea = await RegisterAsync(Person.Woman("Bea", here));
        var cal = await RegisterAsync(Person.Man("Cal", here));
        var matchId = await MatchAsync(bea, cal);
        var beaHub = await ConnectAsync(bea);
        var calHub = await ConnectAsync(cal);
        (await cal.PostAsync($"/api/chat/conversations/{matchId}/messages", new { text = "Before" })).ShouldBe(HttpStatusCode.Created);

        (await bea.DeleteAsync($"/api/matching/matches/{matchId}")).ShouldBe(HttpStatusCode.NoContent);

        (await beaHub.NextAsync("unmatched")).Guid("matchId").ShouldBe(matchId);
        (await calHub.NextAsync("unmatched")).Guid("matchId").ShouldBe(matchId);
        foreach (var user in new[] { bea, cal })
        {
            (await user.GetAsync("/api/matching/matches")).ShouldBe(HttpStatusCode.OK).Items().ShouldBeEmpty();
            (await user.GetAsync("/api/chat/conversations")).ShouldBe(HttpStatusCode.OK).Ids("matchId").ShouldNotContain(matchId);
            var refused = await user.PostAsync($"/api/chat/conversations/{matchId}/messages", new { text = "After" });
            refused.ShouldBeProblem(refused.Status == HttpStatusCode.Conflict ? HttpStatusCode.Conflict : HttpStatusCode.NotFound);
        }

        await Should.ThrowAsync<HubException>(() => calHub.SendMessageAsync(matchId, "After, over the hub"));
        (await cal.DeleteAsync($"/api/matching/matches/{matchId}")).ShouldBeProblem(HttpStatusCode.NotFound);
    }

    private static async Task<JsonElement> ConversationAsync(ApiClient user, Guid matchId)
    {
        var conversations = (await user.GetAsync("/api/chat/conversations")).ShouldBe(HttpStatusCode.OK).Items();
        var conversation = conversations.ShouldHaveSingleItem();
        conversation.Guid("matchId").ShouldBe(matchId);
        return conversation;
    }
}
