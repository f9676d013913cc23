using System.Collections.Concurrent;
using Dating.Chat.Messages;
using Dating.Chat.Realtime;
using Dating.Testing;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dating.Chat.Tests.Infrastructure;

/// <summary>A real SignalR client (WebSockets) on <c>/hubs/chat</c>, recording every event the server pushes.</summary>
public sealed class ChatConnection : IAsyncDisposable
{
    private readonly ConcurrentQueue<object> _received = new();

    private ChatConnection(HubConnection hub)
    {
        Hub = hub;
        hub.On<MessageResponse>("message", Record);
        hub.On<MatchedNotice>("matched", Record);
        hub.On<UnmatchedNotice>("unmatched", Record);
        hub.On<ReadNotice>("read", Record);
    }

    public HubConnection Hub { get; }

    public static async Task<ChatConnection> StartAsync(Uri baseAddress, string token)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/chat"), HttpTransportType.WebSockets, options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.SkipNegotiation = true;
            })
            .Build();
        var connection = new ChatConnection(hub);
        await hub.StartAsync();
        return connection;
    }

    public Task<MessageResponse> SendMessageAsync(Guid matchId, string text) =>
        Hub.InvokeAsync<MessageResponse>("SendMessage", matchId, text);

    public Task<MessageResponse> SendMessageAsync(Guid matchId, string text, string clientMessageId) =>
        Hub.InvokeAsync<MessageResponse>("SendMessageWithClientId", matchId, text, clientMessageId);

    public IReadOnlyList<T> All<T>() => [.. _received.OfType<T>()];

    public async Task<T> WaitForAsync<T>(Func<T, bool> match) => (await WaitForAsync(match, 1))[0];

    /// <summary>Waits until at least <paramref name="count"/> matching events arrived; returns them all, in arrival order.</summary>
    public Task<IReadOnlyList<T>> WaitForAsync<T>(Func<T, bool> match, int count) =>
        Eventually.GetAsync<IReadOnlyList<T>>(() => [.. All<T>().Where(match)], found => found.Count >= count, $"{count} {typeof(T).Name} event(s)");

    public ValueTask DisposeAsync() => Hub.DisposeAsync();

    private void Record<T>(T item)
        where T : notnull => _received.Enqueue(item);
}
