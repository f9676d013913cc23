using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dating.AppHost.Tests.EndToEnd;

/// <summary>Two people meet, match, chat and part, through the public API only, as clients would.</summary>
public sealed class DatingJourneyTests(JourneyStack fixture) : IClassFixture<JourneyStack>
{
    private Uri PublicUrl => fixture.Stack.PublicUrl;

    [Fact]
    public async Task Two_people_meet_match_chat_over_rest_and_websockets_then_part()
    {
        // Somewhere nobody else in the test run lives, so recommendations are about these two only.
        var place = (Latitude: -45 + Random.Shared.NextDouble() * 10, Longitude: -170 + Random.Shared.NextDouble() * 340);
        using var alice = await ApiClient.RegisterAsync(PublicUrl, Registration("Alice", "woman", ["man"], place.Latitude, place.Longitude));
        using var bob = await ApiClient.RegisterAsync(PublicUrl, Registration("Bob", "man", ["woman"], place.Latitude + 0.005, place.Longitude));

        // A photo goes from upload to ready, with working signed URLs.
        var upload = await alice.UploadAsync(TestImages.Jpeg(1200, 900), "me.jpg", "image/jpeg");
        upload.Status.ShouldBe(HttpStatusCode.Accepted);
        var photoId = upload.Body.GetProperty("photoId").GetGuid();
        var photos = await Eventually.Get(() => alice.GetAsync("/api/photos/me"),
            r => r.Body.EnumerateArray().Any(p => p.GetProperty("status").GetString() == "ready"), "the photo to be ready");
        var url = photos.Body.EnumerateArray().Single().GetProperty("url").GetString()!;
        using (var anonymous = new HttpClient())
        {
            (await anonymous.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // Each shows up in the other's recommendations, through events alone.
        var forBob = await Eventually.Get(() => bob.GetAsync("/api/matching/recommendations"),
            r => r.Status == HttpStatusCode.OK && r.Body.EnumerateArray().Any(c => c.GetProperty("userId").GetGuid() == alice.UserId),
            "Alice in Bob's recommendations");
        var aliceCard = forBob.Body.EnumerateArray().Single(c => c.GetProperty("userId").GetGuid() == alice.UserId);
        aliceCard.GetProperty("displayName").GetString().ShouldBe("Alice");
        aliceCard.GetProperty("distanceKm").GetDouble().ShouldBeInRange(0.3, 0.8);
        await Eventually.Get(() => bob.GetAsync("/api/matching/recommendations"),
            r => r.Body.EnumerateArray().Single(c => c.GetProperty("userId").GetGuid() == alice.UserId).TryGetProperty("photoUrl", out var photo)
                 && photo.ValueKind == JsonValueKind.String, "Alice's photo on her card");

        // Mutual likes make exactly one match.
        var first = await bob.SendAsync(HttpMethod.Post, "/api/matching/swipes", new { targetUserId = alice.UserId, decision = "like" });
        first.Status.ShouldBe(HttpStatusCode.OK);
        first.Body.GetProperty("matched").GetBoolean().ShouldBeFalse();
        await using var aliceHub = await ConnectAsync(alice.Token);
        var aliceEvents = Listen(aliceHub, "message", "matched", "read", "unmatched");
        var second = await alice.SendAsync(HttpMethod.Post, "/api/matching/swipes", new { targetUserId = bob.UserId, decision = "like" });
        second.Body.GetProperty("matched").GetBoolean().ShouldBeTrue();
        var matchId = second.Body.GetProperty("matchId").GetGuid();
        (await bob.GetAsync("/api/matching/matches")).Body.EnumerateArray()
            .ShouldContain(m => m.GetProperty("matchId").GetGuid() == matchId && m.GetProperty("userId").GetGuid() == alice.UserId);
        (await NextAsync(aliceEvents, "matched")).GetProperty("matchId").GetGuid().ShouldBe(matchId);

        // Chat: a REST send reaches Alice's WebSocket; a hub send is stored; history is newest first.
        await Eventually.Get(
            () => bob.SendAsync(HttpMethod.Post, $"/api/chat/conversations/{matchId}/messages", new { text = "Hi Alice!" }),
            r => r.Status == HttpStatusCode.Created, "the conversation to open");
        var delivered = await NextAsync(aliceEvents, "message");
        delivered.GetProperty("text").GetString().ShouldBe("Hi Alice!");
        delivered.GetProperty("senderId").GetGuid().ShouldBe(bob.UserId);
        var reply = await aliceHub.InvokeAsync<JsonElement>("SendMessage", matchId, "Hello Bob", TestContext.Current.CancellationToken);
        reply.GetProperty("text").GetString().ShouldBe("Hello Bob");
        var history = await bob.GetAsync($"/api/chat/conversations/{matchId}/messages");
        history.Body.EnumerateArray().Select(m => m.GetProperty("text").GetString()).ShouldBe(["Hello Bob", "Hi Alice!"]);

        // Read receipts reach the other side.
        (await bob.SendAsync(HttpMethod.Post, $"/api/chat/conversations/{matchId}/read", new { upToMessageId = reply.GetProperty("messageId").GetGuid() }))
            .Status.ShouldBe(HttpStatusCode.NoContent);
        (await NextAsync(aliceEvents, "read")).GetProperty("userId").GetGuid().ShouldBe(bob.UserId);

        // Unmatch closes the chat.
        (await alice.SendAsync(HttpMethod.Delete, $"/api/matching/matches/{matchId}")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await NextAsync(aliceEvents, "unmatched")).GetProperty("matchId").GetGuid().ShouldBe(matchId);
        var refused = await Eventually.Get(
            () => bob.SendAsync(HttpMethod.Post, $"/api/chat/conversations/{matchId}/messages", new { text = "Still there?" }),
            r => r.Status != HttpStatusCode.Created, "the conversation to close");
        refused.Status.ShouldBeOneOf(HttpStatusCode.Conflict, HttpStatusCode.NotFound);

        // Deleting the account removes Alice everywhere.
        (await alice.SendAsync(HttpMethod.Delete, "/api/profiles/me")).Status.ShouldBe(HttpStatusCode.NoContent);
        (await alice.GetAsync("/api/auth/session")).Status.ShouldBe(HttpStatusCode.Unauthorized);
        (await bob.GetAsync($"/api/profiles/{alice.UserId}")).Status.ShouldBe(HttpStatusCode.NotFound);
        await Eventually.Get(() => bob.GetAsync($"/api/photos/{photoId}"), r => r.Status == HttpStatusCode.NotFound, "Alice's photo to go");
        await Eventually.Get(() => bob.GetAsync("/api/matching/recommendations"),
            r => r.Status == HttpStatusCode.OK && r.Body.EnumerateArray().All(c => c.GetProperty("userId").GetGuid() != alice.UserId),
            "Alice to leave Bob's recommendations");
    }

    [Fact]
    public async Task A_block_hides_both_people_from_each_other_everywhere()
    {
        var place = (Latitude: 10 + Random.Shared.NextDouble() * 10, Longitude: -170 + Random.Shared.NextDouble() * 340);
        using var carol = await ApiClient.RegisterAsync(PublicUrl, Registration("Carol", "woman", ["man"], place.Latitude, place.Longitude));
        using var dan = await ApiClient.RegisterAsync(PublicUrl, Registration("Dan", "man", ["woman"], place.Latitude, place.Longitude + 0.005));
        await Eventually.Get(() => carol.GetAsync("/api/matching/recommendations"),
            r => r.Status == HttpStatusCode.OK && r.Body.EnumerateArray().Any(c => c.GetProperty("userId").GetGuid() == dan.UserId),
            "Dan in Carol's recommendations");

        (await dan.SendAsync(HttpMethod.Post, "/api/matching/blocks", new { userId = carol.UserId })).Status.ShouldBe(HttpStatusCode.NoContent);

        (await carol.GetAsync("/api/matching/recommendations")).Body.EnumerateArray()
            .ShouldNotContain(c => c.GetProperty("userId").GetGuid() == dan.UserId);
        (await dan.GetAsync("/api/matching/recommendations")).Body.EnumerateArray()
            .ShouldNotContain(c => c.GetProperty("userId").GetGuid() == carol.UserId);
        await Eventually.Get(() => carol.GetAsync($"/api/profiles/{dan.UserId}"), r => r.Status == HttpStatusCode.NotFound, "Dan's profile to vanish for Carol");
        (await dan.GetAsync($"/api/profiles/{carol.UserId}")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    private static object Registration(string name, string gender, string[] interestedIn, double latitude, double longitude) => new
    {
        email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.test",
        password = "correct horse battery",
        displayName = name,
        birthDate = "1994-06-01",
        gender,
        interestedIn,
        bio = $"I am {name}.",
        location = new { latitude, longitude },
    };

    private async Task<HubConnection> ConnectAsync(string token)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(PublicUrl, "/hubs/chat"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        await hub.StartAsync();
        return hub;
    }

    private static Channel<(string Name, JsonElement Payload)> Listen(HubConnection hub, params string[] names)
    {
        var channel = Channel.CreateUnbounded<(string, JsonElement)>();
        foreach (var name in names)
        {
            hub.On<JsonElement>(name, payload => channel.Writer.TryWrite((name, payload)));
        }

        return channel;
    }

    private static async Task<JsonElement> NextAsync(Channel<(string Name, JsonElement Payload)> events, string name)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var (received, payload) = await events.Reader.ReadAsync(timeout.Token);
            if (received == name)
            {
                return payload;
            }
        }
    }
}
