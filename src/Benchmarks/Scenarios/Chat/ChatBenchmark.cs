using System.Diagnostics;
using System.Net;
using Dating.Benchmarks.Api;
using Dating.Benchmarks.Load;
using Dating.Benchmarks.Reports;
using Dating.Benchmarks.Stacks;
using Dating.BuildingBlocks.Modules;

namespace Dating.Benchmarks.Scenarios.Chat;

/// <summary>
/// Chat through the gateway with one and with two Chat replicas (fresh stacks, alternating A B A B on the same
/// app host's fresh stack each time): messages sent with REST, received by the other user on the hub over WebSockets.
/// </summary>
public sealed class ChatBenchmark(ChatSettings settings, Action<string> log)
{
    public async Task<IReadOnlyList<ChatRun>> RunAsync(CancellationToken ct)
    {
        var runs = new List<ChatRun>();
        for (var round = 1; round <= settings.Rounds; round++)
        {
            foreach (var replicas in new[] { 1, 2 })
            {
                log($"chat: round {round}, {replicas} replica(s)");
                await using var stack = await BenchmarkStack.StartAsync(log, ct, new Dictionary<string, int> { [ModuleCatalog.Chat.Name] = replicas });
                runs.AddRange(await MeasureAsync(stack, replicas, round, ct));
            }
        }

        return runs;
    }

    private async Task<IReadOnlyList<ChatRun>> MeasureAsync(BenchmarkStack stack, int replicas, int round, CancellationToken ct)
    {
        using var http = GatewayClient.CreateHttpClient();
        var api = new GatewayClient(http, stack.PublicUrl);
        log($"registering and matching {settings.Pairs} pairs");
        // Each pair far from the others (about 110 km apart, beyond the default 50 km), so only its own partner is compatible.
        var users = await api.RegisterManyAsync(settings.Pairs * 2, i => i % 2 == 0
            ? new NewUser("man", ["woman"], -60 + i / 2, 10)
            : new NewUser("woman", ["man"], -60 + i / 2, 10), ct);
        var pairs = new MatchedPair[settings.Pairs];
        await Parallel.ForAsync(0, settings.Pairs, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (p, token) => pairs[p] = await ChatSetup.MatchAsync(api, users[2 * p], users[2 * p + 1], token));

        var tracker = new DeliveryTracker();
        var connections = await Task.WhenAll(users.Select(u => ChatSetup.ConnectAsync(stack.PublicUrl, u, m => tracker.Received(u.UserId, m), ct)));
        try
        {
            var runId = Guid.NewGuid().ToString("N")[..8];
            var results = new List<ChatRun>();

            log("warm-up");
            await LoadGenerator.ClosedAsync(i => SendAsync(api, pairs, $"{runId} warm-up", i, Stopwatch.GetTimestamp(), tracker, Latency.NewHistogram(), ct),
                settings.Clients, TimeSpan.FromSeconds(1), ct);
            await tracker.DrainAsync(TimeSpan.FromSeconds(5), ct);

            log($"fixed rate {settings.Rate}/s for {settings.Duration.TotalSeconds:0} s");
            var delivery = Latency.NewHistogram();
            var open = await LoadGenerator.OpenAsync((i, intended) => SendAsync(api, pairs, $"{runId} open", i, intended, tracker, delivery, ct),
                settings.Rate, settings.Duration, ct);
            var lost = await tracker.DrainAsync(TimeSpan.FromSeconds(10), ct);
            results.Add(new ChatRun(replicas, round, ReportFile.Invariant($"{settings.Rate:0}/s"), (int)open.Latency.TotalCount, open.Errors,
                lost, open.Seconds, Latency.Of(open.Latency), Latency.Of(delivery)));

            log($"max: {settings.Clients} closed-loop senders for {settings.Duration.TotalSeconds:0} s");
            delivery = Latency.NewHistogram();
            var closed = await LoadGenerator.ClosedAsync(i => SendAsync(api, pairs, $"{runId} closed", i, Stopwatch.GetTimestamp(), tracker, delivery, ct),
                settings.Clients, settings.Duration, ct);
            lost = await tracker.DrainAsync(TimeSpan.FromSeconds(10), ct);
            results.Add(new ChatRun(replicas, round, $"max ({settings.Clients} clients)", (int)closed.Latency.TotalCount, closed.Errors,
                lost, closed.Seconds, Latency.Of(closed.Latency), Latency.Of(delivery)));
            return results;
        }
        finally
        {
            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    /// <summary>Sends message <paramref name="index"/> over the pairs in turn, alternating who writes.</summary>
    private static async Task<bool> SendAsync(GatewayClient api, MatchedPair[] pairs, string prefix, int index, long sentAt, DeliveryTracker tracker,
        HdrHistogram.HistogramBase delivery, CancellationToken ct)
    {
        var pair = pairs[index % pairs.Length];
        var (sender, recipient) = index / pairs.Length % 2 == 0 ? (pair.A, pair.B) : (pair.B, pair.A);
        var text = $"{prefix} {index}";
        tracker.Expect(text, sentAt, recipient.UserId, delivery);
        var sent = false;
        try
        {
            var (status, _) = await api.SendJsonAsync(HttpMethod.Post, $"/api/chat/conversations/{pair.MatchId}/messages", sender.Token, new { text }, ct);
            sent = status == HttpStatusCode.Created;
            return sent;
        }
        finally
        {
            // A message that was not accepted is an error, not a lost delivery.
            if (!sent)
            {
                tracker.Forget(text);
            }
        }
    }
}
