using System.Diagnostics;
using System.Net;
using Dating.Benchmarks.Api;
using Dating.Benchmarks.Load;
using Dating.Benchmarks.Reports;
using Dating.Benchmarks.Stacks;
using Dating.BuildingBlocks.Modules;

namespace Dating.Benchmarks.Locality;

/// <summary>
/// The card cache hit rate of 2 matching replicas when the gateway places users by consistent hashing versus
/// PowerOfTwoChoices: a fresh stack per run (cold caches, fresh data) with users registered alike, alternating the
/// policies; every user asks for recommendations at a fixed rate; hits and misses read from each replica's /metrics.
/// </summary>
public sealed class LocalityBenchmark(LocalitySettings settings, Action<string> log)
{
    public const string ConsistentHash = "ConsistentHash";
    public const string PowerOfTwoChoices = "PowerOfTwoChoices";

    // Paris; every user sees the others of the other gender, so no recommendation is empty.
    private const double Latitude = 48.8566, Longitude = 2.3522;
    private static readonly TimeSpan SetupTimeout = TimeSpan.FromSeconds(120);

    public static IReadOnlyList<string> Policies { get; } = [ConsistentHash, PowerOfTwoChoices];

    public async Task<IReadOnlyList<LocalityRun>> RunAsync(CancellationToken ct)
    {
        using var http = GatewayClient.CreateHttpClient();
        var runs = new List<LocalityRun>();
        for (var round = 1; round <= settings.Rounds; round++)
        {
            foreach (var policy in Policies)
            {
                log($"round {round}: {policy}, {LocalitySettings.MatchingReplicas} matching replicas, card cache capacity {settings.Capacity}");
                await using var stack = await BenchmarkStack.StartAsync(log, ct,
                    replicas: new Dictionary<string, int> { [ModuleCatalog.Matching.Name] = LocalitySettings.MatchingReplicas },
                    environment: new Dictionary<string, string>
                    {
                        ["Gateway__LoadBalancing__matching"] = policy,
                        ["Matching__CardCache__Capacity"] = settings.Capacity.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ["Matching__CardCache__TimeToLive"] = "01:00:00",
                    });
                var api = new GatewayClient(http, stack.PublicUrl);
                var users = await RegisterAsync(api, ct);
                runs.Add(await MeasureAsync(stack, api, http, users, policy, round, ct));
            }
        }

        return runs;
    }

    private async Task<IReadOnlyList<BenchmarkUser>> RegisterAsync(GatewayClient api, CancellationToken ct)
    {
        log($"registering {settings.Users} users in Paris");
        var users = await api.RegisterManyAsync(settings.Users, i => i % 2 == 0
            ? new NewUser("man", ["woman"], Latitude + i % 20 * 0.001, Longitude)
            : new NewUser("woman", ["man"], Latitude + i % 20 * 0.001, Longitude), ct);

        // Until every card reached the read model, a user's recommendations are empty.
        var waited = Stopwatch.StartNew();
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (user, token) =>
        {
            while (await RecommendAsync(api, user, token) is not { Count: > 0 })
            {
                if (waited.Elapsed > SetupTimeout)
                {
                    throw new TimeoutException($"{user.UserId} has no recommendations after {SetupTimeout.TotalSeconds:0} s");
                }

                await Task.Delay(100, token);
            }
        });
        log(ReportFile.Invariant($"every user has recommendations after {waited.Elapsed.TotalSeconds:0.0} s"));
        return users;
    }

    private async Task<LocalityRun> MeasureAsync(
        BenchmarkStack stack, GatewayClient api, HttpClient http, IReadOnlyList<BenchmarkUser> users, string policy, int round, CancellationToken ct)
    {
        // The same order in every run: each user once per period.
        var order = users.ToArray();
        new Random(8).Shuffle(order);
        Func<int, Task<bool>> send = async i => await RecommendAsync(api, order[i % order.Length], ct) is not null;

        log(ReportFile.Invariant($"warming up for {settings.Warmup.TotalSeconds:0} s at {settings.RatePerSecond:0.#}/s"));
        await LoadGenerator.OpenAsync(send, settings.RatePerSecond, settings.Warmup, ct);

        var replicas = stack.ReplicasOf(ModuleCatalog.Matching.Name).ToList();
        var before = await Task.WhenAll(replicas.Select(r => ReplicaCacheCounters.ReadAsync(http, r.Url, ct)));
        log(ReportFile.Invariant($"measuring for {settings.Duration.TotalSeconds:0} s"));
        var (latency, errors, _) = await LoadGenerator.OpenAsync(send, settings.RatePerSecond, settings.Duration, ct);
        var after = await Task.WhenAll(replicas.Select(r => ReplicaCacheCounters.ReadAsync(http, r.Url, ct)));

        var run = new LocalityRun(policy, round, [.. replicas.Select((r, i) => (r.Name, after[i] - before[i]))], latency, errors);
        log(ReportFile.Invariant($"{policy}: hit rate {run.Total.HitRate:P1} over {run.Total.Lookups} lookups, {errors} errors"));
        return run;
    }

    private static async Task<IReadOnlyList<Guid>?> RecommendAsync(GatewayClient api, BenchmarkUser user, CancellationToken ct)
    {
        var (status, body) = await api.SendJsonAsync(HttpMethod.Get, "/api/matching/recommendations?limit=20", user.Token, null, ct);
        return status == HttpStatusCode.OK ? [.. body.EnumerateArray().Select(c => c.GetProperty("userId").GetGuid())] : null;
    }
}
