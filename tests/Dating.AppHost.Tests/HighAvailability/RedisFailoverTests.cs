using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Dating.Benchmarks.Api;
using Dating.Benchmarks.Scenarios.Chat;
using Dating.Stacks;
using Dating.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dating.AppHost.Tests.HighAvailability;

[Collection(HighAvailabilityStack.Collection)]
public sealed class RedisFailoverTests(HighAvailabilityStack fixture)
{
    private static readonly TimeSpan FailoverLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_kill_of_the_redis_master_promotes_the_replica_sessions_writes_and_chat_carry_on_and_the_restarted_master_rejoins_as_its_replica()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = GatewayClient.CreateHttpClient();
        var api = new GatewayClient(http, fixture.Stack.PublicUrl);
        var a = await api.RegisterAsync(new NewUser("woman", ["man"], 52.52, 13.405), ct);
        var b = await api.RegisterAsync(new NewUser("man", ["woman"], 52.52, 13.405), ct);
        var pair = await ChatSetup.MatchAsync(api, a, b, ct);
        var received = new ConcurrentDictionary<string, bool>();
        await using var hub = await ChatSetup.ConnectAsync(api.Gateway, b, message => received[message.Text] = true, ct, reconnect: true);
        hub.Reconnecting += error => Logged($"hub reconnecting: {error?.Message}");
        hub.Reconnected += _ => Logged("hub reconnected");
        hub.Closed += error => Logged($"hub closed: {error?.Message}");
        (await DeliveredAsync(api, pair, hub, received, "before the kill", ct)).ShouldBeTrue("a message reaches its recipient before any fault");
        var issuedLast = await api.RegisterAsync(new NewUser("woman", ["man"], 52.52, 13.405), ct);

        var oldMaster = await fixture.RedisMasterPortAsync();
        // kill -9, as a crash would (Process.Kill is SIGKILL); the stack does not restart it.
        Process.GetProcessById(ListeningProcess.Of(oldMaster)).Kill();
        var sinceKill = Stopwatch.StartNew();

        var newMaster = await Eventually.GetAsync<int>(() => fixture.RedisMasterPortAsync(), port => port != oldMaster, "a Sentinel to name a new Redis master", FailoverLimit);
        Log($"replica on port {newMaster} promoted {sinceKill.Elapsed.TotalSeconds:F1} s after the kill");

        var answers = new ConcurrentBag<HttpStatusCode>();
        foreach (var user in new[] { a, b, issuedLast })
        {
            await Eventually.UntilAsync(async () =>
                {
                    var status = await StatusAsync(api, user, "/api/profiles/me", ct);
                    answers.Add(status);
                    return status == HttpStatusCode.OK;
                },
                $"the session issued before the kill to {user.UserId} to work through the gateway", FailoverLimit);
        }

        Log($"answers to the session check during the failover: {string.Join(", ", answers.CountBy(status => (int)status).Select(pair => $"{pair.Key} × {pair.Value}"))}");
        // Never a 401 (a lost session would look like one) nor a 500: while Redis is unreachable the answer is a 503 problem.
        answers.ShouldAllBe(status => status == HttpStatusCode.OK || status == HttpStatusCode.ServiceUnavailable);

        Log($"sessions from before the kill work {sinceKill.Elapsed.TotalSeconds:F1} s after it");
        var newcomer = await Eventually.GetAsync<BenchmarkUser?>(() => TryRegisterAsync(api, ct), user => user is not null, "a registration (a new session written) to succeed", FailoverLimit);
        Log($"first registration after the kill succeeded {sinceKill.Elapsed.TotalSeconds:F1} s after it");
        (await StatusAsync(api, newcomer!, "/api/profiles/me", ct)).ShouldBe(HttpStatusCode.OK);

        // Chat closes hub connections when its backplane subscription comes back (BackplaneGaps), and a message sent
        // during that gap can miss them: delivery resumes when a message sent after the recipient reconnected arrives.
        await Eventually.UntilAsync(() => DeliveredAsync(api, pair, hub, received, "after the failover", ct), "a chat message sent after the failover to reach its recipient", TimeSpan.FromSeconds(60));
        Log($"chat delivery resumed {sinceKill.Elapsed.TotalSeconds:F1} s after the kill");

        // The dashboard's Start brings the old master back with its old data. HA.md saw it act as a master for a
        // moment; Sentinel must turn it into a replica of the new master, which must stay the master, and nothing
        // written meanwhile (the newcomer's session, issued by the new master) may be lost to the old data.
        var oldMasterResource = new[] { "redis-0", "redis-1" }.Single(resource => fixture.Stack.UrlOf(resource, "tcp").Port == oldMaster);
        var restart = Stopwatch.StartNew();
        await fixture.Stack.StartResourceAsync(oldMasterResource, ct);
        await Eventually.UntilAsync(() => ReplicatesFromAsync(oldMaster, newMaster), $"{oldMasterResource} to replicate from the new master", FailoverLimit);
        Log($"{oldMasterResource} replicates from the new master {restart.Elapsed.TotalSeconds:F1} s after its Start");
        (await fixture.RedisMasterPortAsync()).ShouldBe(newMaster);
        foreach (var user in new[] { a, newcomer! })
        {
            (await StatusAsync(api, user, "/api/profiles/me", ct)).ShouldBe(HttpStatusCode.OK, "a session survives the old master's return");
        }

        (await TryRegisterAsync(api, ct)).ShouldNotBeNull("registrations go on once the old master is back");
    }

    // Whether the Redis server on port `replica` is a replica of the one on `master`, with its link up (ROLE).
    private static async Task<bool> ReplicatesFromAsync(int replica, int master)
    {
        try
        {
            await using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{replica},connectTimeout=1000,allowAdmin=true");
            return await connection.GetServer("127.0.0.1", replica).RoleAsync() is StackExchange.Redis.Role.Replica role
                && role.MasterPort == master && role.State == "connected";
        }
        catch (StackExchange.Redis.RedisConnectionException)
        {
            return false;
        }
    }

    // Sends a new message from A and waits a few seconds for B's hub connection to receive it; B reconnects first if the
    // server closed its connection, as an app does (a close by the server is not retried by SignalR's automatic reconnect).
    private static async Task<bool> DeliveredAsync(GatewayClient api, MatchedPair pair, HubConnection hub, ConcurrentDictionary<string, bool> received, string when, CancellationToken ct)
    {
        if (hub.State == HubConnectionState.Disconnected)
        {
            try
            {
                await hub.StartAsync(ct);
                Log("hub connection started again");
            }
            catch (Exception e) when (e is HttpRequestException or System.Net.WebSockets.WebSocketException or InvalidOperationException)
            {
                Log($"hub connection did not start: {e.Message}");
                return false;
            }
        }

        var text = $"{when} {Guid.NewGuid():N}";
        var (status, _) = await api.SendJsonAsync(HttpMethod.Post, $"/api/chat/conversations/{pair.MatchId}/messages", pair.A.Token, new { text }, ct);
        if (status != HttpStatusCode.Created)
        {
            Log($"sending a message {when}: {(int)status}");
            return false;
        }

        var arrival = Stopwatch.StartNew();
        while (!received.ContainsKey(text) && arrival.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(50, ct);
        }

        Log($"a message sent {when} {(received.ContainsKey(text) ? "arrived" : "did not arrive within 5 s")}");
        return received.ContainsKey(text);
    }

    private static async Task<HttpStatusCode> StatusAsync(GatewayClient api, BenchmarkUser user, string path, CancellationToken ct)
    {
        using var response = await api.SendAsync(HttpMethod.Get, path, user.Token, null, ct);
        return response.StatusCode;
    }

    private static async Task<BenchmarkUser?> TryRegisterAsync(GatewayClient api, CancellationToken ct)
    {
        try
        {
            return await api.RegisterAsync(new NewUser("man", ["woman"], 52.52, 13.405), ct);
        }
        catch (InvalidOperationException e)
        {
            Log(e.Message);
            return null;
        }
    }

    private static Task Logged(string line)
    {
        Log(line);
        return Task.CompletedTask;
    }

    private static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");
}
