using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Dating.Testing;

namespace Dating.Deployment.Tests.Smoke;

/// <summary>
/// Debian's docker-registry (the CNCF distribution registry) on a free loopback port, storing into the test's folder:
/// the registry the SDK's container build pushes to and podman pulls from, as a cluster would pull from yours.
/// Loopback addresses count as insecure (plain HTTP) for podman with --tls-verify=false and for the SDK with
/// DOTNET_CONTAINER_INSECURE_REGISTRIES.
/// </summary>
internal sealed class LoopbackRegistry : IAsyncDisposable
{
    private readonly IAsyncDisposable _process;

    private LoopbackRegistry(string address, IAsyncDisposable process) => (Address, _process) = (address, process);

    /// <summary>host:port, the prefix of every image pushed here.</summary>
    public string Address { get; }

    public static async Task<LoopbackRegistry> StartAsync(string workFolder)
    {
        var address = $"127.0.0.1:{FreePort()}";
        var storage = Path.Combine(workFolder, "registry");
        if (Directory.Exists(storage))
        {
            // Empty on every run: what the registry holds is what this run pushed.
            Directory.Delete(storage, recursive: true);
        }

        var configuration = Path.Combine(workFolder, "registry.yml");
        await File.WriteAllTextAsync(configuration, $"""
            version: 0.1
            storage:
              filesystem:
                rootdirectory: {storage}
            http:
              addr: {address}
            log:
              level: warn
            """);
        var registry = new LoopbackRegistry(address, Shell.Start("docker-registry", ["serve", configuration]));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Eventually.UntilAsync(async () =>
        {
            try
            {
                return (await http.GetAsync($"http://{address}/v2/")).StatusCode == HttpStatusCode.OK;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, $"the registry at {address} to answer", TimeSpan.FromSeconds(30));
        return registry;
    }

    /// <summary>The repositories pushed here (<c>dating/matching</c>, …), from the registry's catalog.</summary>
    public async Task<IReadOnlyList<string>> RepositoriesAsync()
    {
        using var http = new HttpClient();
        var catalog = await http.GetFromJsonAsync<JsonElement>($"http://{Address}/v2/_catalog");
        return [.. catalog.GetProperty("repositories").EnumerateArray().Select(r => r.GetString()!)];
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
