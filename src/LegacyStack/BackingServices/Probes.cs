using System.Net.Sockets;
using System.Text;

namespace Dating.AppHost.BackingServices;

/// <summary>Protocol-level readiness probes: an open port is not a ready server.</summary>
internal static class Probes
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    /// <summary>Sends bytes to a loopback port and returns the first bytes of the answer (empty when refused).</summary>
    public static async Task<byte[]> ExchangeAsync(int port, byte[] request, CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(request, timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return buffer[..read];
        }
        catch (Exception e) when (e is SocketException or IOException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return [];
        }
    }

    public static async Task<bool> RedisPingAsync(int port, CancellationToken ct) =>
        Encoding.ASCII.GetString(await ExchangeAsync(port, "PING\r\n"u8.ToArray(), ct)).StartsWith("+PONG");

    /// <summary>An AMQP 0-9-1 protocol header is answered with a Connection.Start method frame (type 1).</summary>
    public static async Task<bool> AmqpHandshakeAsync(int port, CancellationToken ct)
    {
        var answer = await ExchangeAsync(port, "AMQP\0\0\u0009\u0001"u8.ToArray(), ct);
        return answer.Length >= 7 && answer[0] == 1;
    }

    public static async Task<bool> HttpAnswersAsync(string url, CancellationToken ct) => await HttpStatusAsync(url, ct) is not null;

    /// <summary>The status an HTTP GET gets, or null when nothing answers in time.</summary>
    public static async Task<System.Net.HttpStatusCode?> HttpStatusAsync(string url, CancellationToken ct)
    {
        try
        {
            using var response = await Http.GetAsync(url, ct);
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return null;
        }
    }
}
