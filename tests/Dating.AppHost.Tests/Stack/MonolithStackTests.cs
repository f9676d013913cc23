using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dating.Testing;
using Npgsql;

namespace Dating.AppHost.Tests.Stack;

/// <summary>
/// The monolith serves the public API itself: no gateway, no broker, one database. Events between its modules
/// travel in-process (the in-memory bus, still dispatched from each module's outbox after commit).
/// </summary>
public sealed class MonolithStackTests(MonolithStack fixture) : IClassFixture<MonolithStack>
{
    [Fact]
    public async Task A_lone_monolith_is_the_public_API_without_a_gateway()
    {
        var stack = fixture.Stack;
        stack.HasGateway.ShouldBeFalse();
        stack.Replicas.Select(r => r.Name).ShouldBe(["monolith-0"]);
        stack.PublicUrl.ShouldBe(stack.Replica("monolith", 0).Url);
        stack.Resources().Select(r => r.Name).ShouldNotContain("gateway-0");

        using var client = fixture.Client();
        foreach (var path in new[] { "/health", "/alive", "/metrics", "/openapi/v1.json", "/openapi/chat/v1.json" })
        {
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            Served.By(response).ShouldBe("monolith-0");
        }
    }

    [Fact]
    public async Task The_chat_hub_is_served_at_the_public_url_over_WebSockets()
    {
        using var anonymous = fixture.Client();
        var user = await TestUsers.RegisterAsync(anonymous, ct: TestContext.Current.CancellationToken);

        var refused = await anonymous.PostBodyAsync("/hubs/chat/negotiate?negotiateVersion=1", new { });
        refused.Status.ShouldBe(HttpStatusCode.Unauthorized);
        var negotiated = await anonymous.PostBodyAsync($"/hubs/chat/negotiate?negotiateVersion=1&access_token={user.Token}", new { });
        negotiated.Status.ShouldBe(HttpStatusCode.OK, negotiated.Body);
        negotiated.Json().GetProperty("availableTransports").EnumerateArray()
            .Select(t => t.GetProperty("transport").GetString()).ShouldContain("WebSockets");
    }

    [Fact]
    public async Task A_registered_users_profile_round_trips_at_the_public_url()
    {
        using var anonymous = fixture.Client();
        var user = await TestUsers.RegisterAsync(anonymous, ct: TestContext.Current.CancellationToken);
        using var client = fixture.Client(user.Token);

        var update = await client.PutAsJsonAsync("/api/profiles/me", new
        {
            displayName = "Grace",
            bio = "Compilers, mostly.",
            gender = "woman",
            interestedIn = new[] { "man" },
            ageRange = new { min = 25, max = 45 },
            maxDistanceKm = 30,
            location = new { latitude = 48.85, longitude = 2.35 },
            interests = new[] { "cobol", "sailing" },
        }, TestContext.Current.CancellationToken);
        await update.ShouldHaveStatusAsync(HttpStatusCode.OK);

        var me = (await client.GetBodyAsync("/api/profiles/me")).Json();
        me.GetProperty("userId").GetGuid().ShouldBe(user.UserId);
        me.GetProperty("email").GetString().ShouldBe(user.Email);
        me.GetProperty("displayName").GetString().ShouldBe("Grace");
        me.GetProperty("maxDistanceKm").GetInt32().ShouldBe(30);

        using var other = fixture.Client((await TestUsers.RegisterAsync(anonymous, ct: TestContext.Current.CancellationToken)).Token);
        var card = await other.GetBodyAsync($"/api/profiles/{user.UserId}");
        card.Status.ShouldBe(HttpStatusCode.OK, card.Body);
        card.Json().GetProperty("displayName").GetString().ShouldBe("Grace");
        card.Body.ShouldNotContain(user.Email, Case.Insensitive);
    }

    [Fact]
    public async Task Events_cross_modules_in_process_from_registration_to_match_to_conversation_to_deletion()
    {
        using var anonymous = fixture.Client();
        var ada = await TestUsers.RegisterAsync(anonymous, ct: TestContext.Current.CancellationToken);
        var bob = await TestUsers.RegisterAsync(anonymous, ct: TestContext.Current.CancellationToken);
        using var asAda = fixture.Client(ada.Token);
        using var asBob = fixture.Client(bob.Token);

        // Profiles → Matching: Matching knows Bob only once ProfileCreated reached its candidate read model.
        await MonolithApi.EventuallyAsync(
            () => asAda.PostBodyAsync("/api/matching/swipes", new { targetUserId = bob.UserId, decision = "like" }),
            r => r.Status == HttpStatusCode.OK, "Matching knows the new user");
        var swipe = await MonolithApi.EventuallyAsync(
            () => asBob.PostBodyAsync("/api/matching/swipes", new { targetUserId = ada.UserId, decision = "like" }),
            r => r.Status == HttpStatusCode.OK, "Matching knows the other new user");
        swipe.Json().GetProperty("matched").GetBoolean().ShouldBeTrue(swipe.Body);
        var matchId = swipe.Json().GetProperty("matchId").GetGuid();

        // Matching → Chat: MatchCreated opens the conversation.
        await MonolithApi.EventuallyAsync(() => asAda.GetBodyAsync("/api/chat/conversations"),
            r => r.Status == HttpStatusCode.OK && r.Body.Contains(matchId.ToString()), "the match reached Chat");
        var sent = await asBob.PostBodyAsync($"/api/chat/conversations/{matchId}/messages", new { text = "Hello from one process" });
        sent.Status.ShouldBe(HttpStatusCode.Created, sent.Body);

        // Profiles → Matching and Chat at once: ProfileDeleted ends the match and removes the conversation.
        using var deletion = await asBob.DeleteAsync("/api/profiles/me", TestContext.Current.CancellationToken);
        await deletion.ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        await MonolithApi.EventuallyAsync(() => asAda.GetBodyAsync("/api/chat/conversations"),
            r => r.Status == HttpStatusCode.OK && r.Json().GetArrayLength() == 0, "the deletion reached Chat");
        await MonolithApi.EventuallyAsync(() => asAda.GetBodyAsync("/api/matching/matches"),
            r => r.Status == HttpStatusCode.OK && r.Json().GetArrayLength() == 0, "the deletion reached Matching");
    }

    [Fact]
    public async Task An_uploaded_photo_gets_ready_and_reaches_the_public_profile_in_process()
    {
        using var anonymous = fixture.Client();
        var user = await TestUsers.RegisterAsync(anonymous, ct: TestContext.Current.CancellationToken);
        using var client = fixture.Client(user.Token);

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(MonolithApi.Jpeg(640, 480));
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", "me.jpg");
        using var upload = await client.PostAsync("/api/photos", form, TestContext.Current.CancellationToken);
        await upload.ShouldHaveStatusAsync(HttpStatusCode.Accepted);

        // Photos processes it (its own consumer), then PhotoReady reaches Profiles' public card.
        await MonolithApi.EventuallyAsync(() => client.GetBodyAsync("/api/photos/me"),
            r => r.Status == HttpStatusCode.OK && r.Body.Contains("\"ready\""), "the photo is ready");
        await MonolithApi.EventuallyAsync(() => client.GetBodyAsync($"/api/profiles/{user.UserId}"),
            r => r.Status == HttpStatusCode.OK && r.Json().GetProperty("photos").GetArrayLength() == 1, "the public profile shows the photo");
    }

    [Fact]
    public async Task Login_is_limited_per_e_mail_with_429_and_Retry_After()
    {
        using var client = fixture.Client();
        var user = await TestUsers.RegisterAsync(client, ct: TestContext.Current.CancellationToken);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 8 && last?.StatusCode != HttpStatusCode.TooManyRequests; i++)
        {
            last?.Dispose();
            last = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "wrong password!" }, TestContext.Current.CancellationToken);
            statuses.Add(last.StatusCode);
        }

        using var limited = last!;
        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
        statuses[0].ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Every_module_keeps_its_own_schema_and_migrations_history_in_the_one_monolith_database()
    {
        await using var connection = new NpgsqlConnection(fixture.Backing.Services.Postgres.ConnectionString("monolith"));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT table_schema FROM information_schema.tables WHERE table_name = '__ef_migrations_history'", connection);
        var schemas = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                schemas.Add(reader.GetString(0));
            }
        }

        schemas.ShouldBe(["chat", "matching", "photos", "profiles"], ignoreOrder: true);
    }
}
