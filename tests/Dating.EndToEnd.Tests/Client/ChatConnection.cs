using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dating.EndToEnd.Tests.Client;

/// <summary>A user's SignalR connection to <c>/hubs/chat</c> (WebSockets, token as <c>access_token</c>), recording every event it receives.</summary>
public sealed class ChatConnection : IAsyncDisposable
{
    public static readonly string[] Events = ["message", "matched", "unmatched", "read"];

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly HubConnection _hub;
    private readonly List<(string Name, JsonElement Payload, bool Taken)> _received = [];
    private readonly SemaphoreSlim _arrived = new(0);

    private ChatConnection(HubConnection hub, Uri server)
    {
        _hub = hub;
        Server = server;
        foreach (var name in Events)
        {
            hub.On<JsonElement>(name, payload =>
            {
                lock (_received)
                {
                    _received.Add((name, payload, false));
                }

                _arrived.Release();
            });
        }
    }

    public Uri Server { get; }

    public static async Task<ChatConnection> OpenAsync(Uri server, string token)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/chat"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        var connection = new ChatConnection(hub, server);
        await hub.StartAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    /// <summary>The oldest event of that name (and matching <paramref name="match"/>) not taken before; waits for it if need be.</summary>
    public async Task<JsonElement> NextAsync(string name, Func<JsonElement, bool>? match = null)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            lock (_received)
            {
                var index = _received.FindIndex(e => !e.Taken && e.Name == name && (match is null || match(e.Payload)));
                if (index >= 0)
                {
                    _received[index] = _received[index] with { Taken = true };
                    TestContext.Current.TestOutputHelper?.WriteLine(
                        $"{DateTime.UtcNow:HH:mm:ss.fff} '{name}' on {Server}: {(Timeout - (deadline - DateTime.UtcNow)).TotalSeconds:F1} s");
                    return _received[index].Payload;
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left, TestContext.Current.CancellationToken))
            {
                throw new TimeoutException($"No '{name}' event within {Timeout.TotalSeconds:F0} s on {Server}; received: {Describe()}");
            }
        }
    }

    /// <summary>The hub's <c>SendMessage(matchId, text)</c>: returns the stored message.</summary>
    public Task<JsonElement> SendMessageAsync(Guid matchId, string text) =>
        _hub.InvokeAsync<JsonElement>("SendMessage", matchId, text, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        _arrived.Dispose();
    }

    private string Describe()
    {
        lock (_received)
        {
            return _received.Count == 0 ? "nothing" : string.Join("; ", _received.Select(e => $"{e.Name} {e.Payload}"));
        }
    }
}
