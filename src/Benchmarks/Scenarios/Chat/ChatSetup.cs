using System.Diagnostics;
using System.Net;
using Dating.Benchmarks.Api;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dating.Benchmarks.Scenarios.Chat;

/// <summary>What a chat scenario needs first: matched pairs with a conversation, and users on the hub.</summary>
public static class ChatSetup
{
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromSeconds(90);

    /// <summary>
    /// The user on the chat hub by WebSocket, each <c>message</c> event handed to <paramref name="received"/>; with
    /// <paramref name="reconnect"/>, a dropped connection is retried every second for two minutes, as a client app does.
    /// </summary>
    public static async Task<HubConnection> ConnectAsync(Uri gateway, BenchmarkUser user, Action<ChatMessage> received, CancellationToken ct, bool reconnect = false)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(gateway, "/hubs/chat"), options =>
            {
                options.SkipNegotiation = true;
                options.Transports = HttpTransportType.WebSockets;
                options.AccessTokenProvider = () => Task.FromResult<string?>(user.Token);
            });
        var connection = (reconnect ? builder.WithAutomaticReconnect([.. Enumerable.Repeat(TimeSpan.FromSeconds(1), 120)]) : builder).Build();
        connection.On("message", received);
        await connection.StartAsync(ct);
        return connection;
    }

    /// <summary>Both like each other (retrying while the matching read model has not seen a profile yet), then waits for the conversation.</summary>
    public static async Task<MatchedPair> MatchAsync(GatewayClient api, BenchmarkUser a, BenchmarkUser b, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        Guid? matchId = null;
        foreach (var (from, to) in new[] { (a, b), (b, a) })
        {
            while (true)
            {
                var (status, body) = await api.SendJsonAsync(HttpMethod.Post, "/api/matching/swipes", from.Token, new { targetUserId = to.UserId, decision = "like" }, ct);
                if (status == HttpStatusCode.OK)
                {
                    if (body.GetProperty("matched").GetBoolean())
                    {
                        matchId = body.GetProperty("matchId").GetGuid();
                    }

                    break;
                }

                if (status != HttpStatusCode.NotFound || waited.Elapsed > SetupTimeout)
                {
                    throw new InvalidOperationException($"swipe {from.UserId} -> {to.UserId}: {(int)status} {body}");
                }

                await Task.Delay(100, ct);
            }
        }

        var id = matchId ?? throw new InvalidOperationException($"{a.UserId} and {b.UserId} liked each other but did not match");
        while (true)
        {
            using var response = await api.SendAsync(HttpMethod.Get, $"/api/chat/conversations/{id}/messages?limit=1", a.Token, null, ct);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return new MatchedPair(a, b, id);
            }

            if (response.StatusCode != HttpStatusCode.NotFound || waited.Elapsed > SetupTimeout)
            {
                throw new InvalidOperationException($"conversation {id}: {(int)response.StatusCode}");
            }

            await Task.Delay(100, ct);
        }
    }
}
