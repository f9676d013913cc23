using System.Net.Http.Json;
using Dating.Chat.Conversations;
using Dating.Chat.Messages;
using Dating.Testing;

namespace Dating.Chat.Tests.Infrastructure;

/// <summary>One signed-in user talking to one replica (or the gateway) over REST, and opening hub connections there.</summary>
public sealed class ChatClient(Guid userId, string token, Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new HttpClient { BaseAddress = baseAddress }.WithToken(token);

    public Guid UserId => userId;

    public string Token => token;

    public Uri BaseAddress => baseAddress;

    public HttpClient Http => _http;

    public Task<HttpResponseMessage> SendAsync(Guid matchId, string? text, string? clientMessageId = null) =>
        _http.PostAsJsonAsync($"/api/chat/conversations/{matchId}/messages", new { text, clientMessageId });

    public async Task<MessageResponse> SendOkAsync(Guid matchId, string text, string? clientMessageId = null)
    {
        using var response = await SendAsync(matchId, text, clientMessageId);
        await response.ShouldHaveStatusAsync(System.Net.HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<MessageResponse>())!;
    }

    public Task<HttpResponseMessage> GetMessagesAsync(Guid matchId, Guid? before = null, int? limit = null)
    {
        var query = new List<string>();
        if (before is { } b)
        {
            query.Add($"before={b}");
        }

        if (limit is { } l)
        {
            query.Add($"limit={l}");
        }

        return _http.GetAsync($"/api/chat/conversations/{matchId}/messages{(query.Count > 0 ? "?" + string.Join('&', query) : "")}");
    }

    public async Task<IReadOnlyList<MessageResponse>> GetMessagesOkAsync(Guid matchId, Guid? before = null, int? limit = null)
    {
        using var response = await GetMessagesAsync(matchId, before, limit);
        await response.ShouldHaveStatusAsync(System.Net.HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<List<MessageResponse>>())!;
    }

    public async Task<IReadOnlyList<ConversationSummary>> GetConversationsAsync()
    {
        using var response = await _http.GetAsync("/api/chat/conversations");
        await response.ShouldHaveStatusAsync(System.Net.HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<List<ConversationSummary>>())!;
    }

    public Task<HttpResponseMessage> MarkReadAsync(Guid matchId, Guid upToMessageId) =>
        _http.PostAsJsonAsync($"/api/chat/conversations/{matchId}/read", new { upToMessageId });

    public Task<ChatConnection> ConnectAsync() => ChatConnection.StartAsync(baseAddress, token);

    public void Dispose() => _http.Dispose();
}
