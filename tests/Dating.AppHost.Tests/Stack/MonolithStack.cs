using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dating.AppHost.Orchestration;
using Dating.Testing;
using SkiaSharp;

namespace Dating.AppHost.Tests.Stack;

/// <summary>The monolith topology on the shared backing services: one replica (the public API itself), shared by its tests.</summary>
public sealed class MonolithStack(BackingServicesFixture backing) : IAsyncLifetime
{
    public DistributedStack Stack { get; private set; } = null!;

    public BackingServicesFixture Backing => backing;

    public async ValueTask InitializeAsync() =>
        Stack = await TestStacks.StartAsync(backing, ct: TestContext.Current.CancellationToken, topology: Topology.Monolith);

    public async ValueTask DisposeAsync() => await Stack.StopAsync();

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = Stack.PublicUrl };
        return token is null ? client : client.WithToken(token);
    }
}

/// <summary>Two monolith replicas: the gateway in front, unchanged.</summary>
public sealed class ScaledMonolithStack(BackingServicesFixture backing) : IAsyncLifetime
{
    public DistributedStack Stack { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Stack = await TestStacks.StartAsync(
            backing, new Dictionary<string, int> { ["monolith"] = 2 }, ct: TestContext.Current.CancellationToken, topology: Topology.Monolith);

    public async ValueTask DisposeAsync() => await Stack.StopAsync();
}

internal static class MonolithApi
{
    /// <summary>Polls until <paramref name="done"/> holds for what <paramref name="read"/> returns, or fails with the last value.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        var last = await read();
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting until {what}; last: {last}");
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
            last = await read();
        }

        return last;
    }

    public static async Task<(HttpStatusCode Status, string Body)> GetBodyAsync(this HttpClient client, string path) =>
        await ReadAsync(await client.GetAsync(path, TestContext.Current.CancellationToken));

    public static async Task<(HttpStatusCode Status, string Body)> PostBodyAsync(this HttpClient client, string path, object body) =>
        await ReadAsync(await client.PostAsJsonAsync(path, body, TestContext.Current.CancellationToken));

    public static JsonElement Json(this (HttpStatusCode Status, string Body) response) => JsonDocument.Parse(response.Body).RootElement;

    public static byte[] Jpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(40, 120, 200));
        }

        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 85).ToArray();
    }

    private static async Task<(HttpStatusCode, string)> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
    }
}
