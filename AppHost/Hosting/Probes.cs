using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dating.AppHost.Hosting;

/// <summary>Protocol-level health checks of the servers (an open port is not a ready server), for WaitFor and the dashboard.</summary>
internal static class Probes
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    // Aspire runs a failing health check again after a pause that grows with each failure (1 s, 2 s, 3 s, 4 s, then
    // 5 s), so a server that became ready just after a failed check went unseen for up to 5 s, at each link of the
    // start's chain: RabbitMQ, then the services that wait for it, then the gateway that waits for them. Within one
    // check a failing probe is therefore tried again every quarter second for up to 10 s (Aspire has no setting for
    // its pauses): readiness is seen within a quarter second, but in the short pauses between checks.
    private static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Registers <paramref name="probe"/> as the resource's health check: healthy as soon as the probe passes,
    /// unhealthy when it has failed for <see cref="RetryFor"/>.
    /// </summary>
    public static IResourceBuilder<T> WithProbe<T>(this IResourceBuilder<T> builder, string unhealthy, Func<CancellationToken, Task<bool>> probe)
        where T : IResource
    {
        var key = $"{builder.Resource.Name}_check";
        builder.ApplicationBuilder.Services.AddHealthChecks().AddAsyncCheck(
            key,
            async ct => await PassesWithinAsync(probe, RetryFor, ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(unhealthy));
        return builder.WithHealthCheck(key);
    }

    internal static async Task<bool> PassesWithinAsync(Func<CancellationToken, Task<bool>> probe, TimeSpan within, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        while (!await probe(ct))
        {
            if (Stopwatch.GetElapsedTime(started) + RetryEvery > within)
            {
                return false;
            }

            await Task.Delay(RetryEvery, ct);
        }

        return true;
    }

    public static async Task<bool> RedisPingAsync(int port, CancellationToken ct) =>
        Encoding.ASCII.GetString(await ExchangeAsync(port, "PING\r\n"u8.ToArray(), ct) ?? []).StartsWith("+PONG", StringComparison.Ordinal);

    /// <summary>
    /// The lines of Redis's reply to an inline command without RESP's type and length lines (a flat array becomes its
    /// items, a bulk string its lines); null when nothing answers. Enough for INFO and SENTINEL replies.
    /// </summary>
    public static async Task<string[]?> RedisReplyAsync(int port, string command, CancellationToken ct)
    {
        var answer = await ExchangeAsync(port, Encoding.ASCII.GetBytes(command + "\r\n"), ct, 16 * 1024);
        return answer?.Length > 0
            ? Encoding.ASCII.GetString(answer).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Where(line => line[0] is not ('*' or '$')).ToArray()
            : null;
    }

    /// <summary>An AMQP 0-9-1 protocol header is answered with a Connection.Start method frame (type 1).</summary>
    public static async Task<bool> AmqpHandshakeAsync(int port, CancellationToken ct)
    {
        var answer = await ExchangeAsync(port, "AMQP\0\0\u0009\u0001"u8.ToArray(), ct);
        return answer is { Length: >= 7 } && answer[0] == 1;
    }

    // An empty request: the server only has to accept the connection (no answer is awaited when nothing was sent).
    public static async Task<bool> TcpAcceptsAsync(int port, CancellationToken ct) => await ExchangeAsync(port, [], ct) is not null;

    public static async Task<bool> HttpAnswersAsync(string url, CancellationToken ct) => await HttpStatusAsync(url, ct) is not null;

    /// <summary>Whether an HTTP GET is answered with a success status (a service's /health once it is ready).</summary>
    public static async Task<bool> HttpOkAsync(string url, CancellationToken ct) => await HttpStatusAsync(url, ct) is >= 200 and < 300;

    private static async Task<int?> HttpStatusAsync(string url, CancellationToken ct)
    {
        try
        {
            using var response = await Http.GetAsync(url, ct);
            return (int)response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return null;
        }
    }

    /// <summary>The JSON document an HTTP GET answers with (any status: Patroni answers 503 with a body), or null when nothing answers.</summary>
    public static async Task<System.Text.Json.JsonDocument?> HttpJsonDocumentAsync(string url, CancellationToken ct)
    {
        try
        {
            using var response = await Http.GetAsync(url, ct);
            return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return null;
        }
    }

    /// <summary>Whether the JSON an HTTP GET answers with satisfies <paramref name="holds"/>; false when nothing answers.</summary>
    public static async Task<bool> HttpJsonAsync(string url, Func<System.Text.Json.JsonElement, bool> holds, CancellationToken ct)
    {
        using var document = await HttpJsonDocumentAsync(url, ct);
        try
        {
            return document is not null && holds(document.RootElement);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
        {
            return false;
        }
    }

    // Sends bytes to a loopback port and returns the first bytes of the answer: empty when nothing was sent, null when refused.
    private static async Task<byte[]?> ExchangeAsync(int port, byte[] request, CancellationToken ct, int answerSize = 64)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            if (request.Length == 0)
            {
                return [];
            }

            var stream = client.GetStream();
            await stream.WriteAsync(request, timeout.Token);
            var buffer = new byte[answerSize];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return buffer[..read];
        }
        catch (Exception e) when (e is SocketException or IOException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return null;
        }
    }
}
