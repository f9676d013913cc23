using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dating.Benchmarks.Api;
using Dating.Benchmarks.Comparison;
using Dating.Benchmarks.Load;
using Dating.Benchmarks.Stacks;
using Dating.BuildingBlocks.Modules;

namespace Dating.Benchmarks.Scenarios;

/// <summary>
/// Login and a cached public-profile read, directly at the Profiles service, through the gateway, and through the
/// gateway of a second stack whose services check every session again instead of trusting the one the gateway signed
/// (no <c>Sessions:ForwardingKey</c>), alternating so machine noise falls on all three: what one proxy hop costs, and
/// what one session check per request saves of it. Each <c>--variant</c> adds the gateway of a stack with its settings.
/// </summary>
public sealed class ProfilesBenchmark(BenchmarkSettings settings, Action<string> log, IReadOnlyList<RuntimeVariant>? variants = null)
{
    public const string CheckedTwice = "gateway, sessions checked twice";

    /// <summary>The target of a variant's stack (<c>profiles --variant</c>): its gateway.</summary>
    public static string GatewayUnder(RuntimeVariant variant) => variant.Label("gateway");

    public async Task<IReadOnlyList<LoadResult>> RunAsync(CancellationToken ct)
    {
        var revisions = await RevisionBuild.PrepareAsync(variants ?? [], log, ct);
        await using var stack = await BenchmarkStack.StartAsync(log, ct);
        await using var twice = await BenchmarkStack.StartAsync(log, ct, environment: new Dictionary<string, string> { ["Sessions__ForwardingKey"] = "" });
        var others = new List<(RuntimeVariant Variant, BenchmarkStack Stack)>();
        try
        {
            foreach (var variant in variants ?? [])
            {
                var projectsRoot = variant.Revision is { } revision ? revisions[revision] : null;
                others.Add((variant, await BenchmarkStack.StartAsync(log, ct, environment: variant.Environment, projectsRoot: projectsRoot)));
            }

            return await RunAsync(stack, twice, others, ct);
        }
        finally
        {
            foreach (var (_, other) in others)
            {
                await other.DisposeAsync();
            }
        }
    }

    private async Task<IReadOnlyList<LoadResult>> RunAsync(
        BenchmarkStack stack, BenchmarkStack twice, IReadOnlyList<(RuntimeVariant Variant, BenchmarkStack Stack)> others, CancellationToken ct)
    {
        using var http = GatewayClient.CreateHttpClient();
        var users = await RegisterAsync(http, stack.PublicUrl, ct);
        var twiceUsers = await RegisterAsync(http, twice.PublicUrl, ct);
        var targets = new List<(string Name, Uri Url, int[] Pids, IReadOnlyList<BenchmarkUser> Users)>
        {
            ("direct", stack.Replica(ModuleCatalog.Profiles.Name, 0).Url, PidsOf(stack), users),
            ("gateway", stack.PublicUrl, PidsOf(stack), users),
            (CheckedTwice, twice.PublicUrl, PidsOf(twice), twiceUsers),
        };
        foreach (var (variant, other) in others)
        {
            targets.Add((GatewayUnder(variant), other.PublicUrl, PidsOf(other), await RegisterAsync(http, other.PublicUrl, ct)));
        }

        var scenarios = new (string Name, double Rate, Func<Uri, IReadOnlyList<BenchmarkUser>, int, Task<bool>> Send)[]
        {
            ("login", settings.LoginRate, (target, users, i) => LoginAsync(http, target, users[i % users.Count].Email, ct)),
            ("public profile (cached)", settings.ReadRate, (target, users, i) => ReadProfileAsync(http, target, users[0].Token, users[i % users.Count].UserId, ct)),
        };

        var results = new List<LoadResult>();
        foreach (var (name, rate, send) in scenarios)
        {
            for (var round = 0; round < settings.Rounds; round++)
            {
                foreach (var (targetName, target, pids, targetUsers) in targets)
                {
                    log($"{name} via {targetName}, round {round + 1}");
                    await LoadGenerator.ClosedAsync(i => send(target, targetUsers, i), settings.Clients, settings.Warmup, ct);

                    var cpuBefore = ProcessCpu.Of(pids);
                    var closed = await LoadGenerator.ClosedAsync(i => send(target, targetUsers, i), settings.Clients, settings.Duration, ct);
                    var cpu = ProcessCpu.Of(pids) - cpuBefore;
                    results.Add(LoadResult.From($"{name}: max", targetName, closed.Latency, closed.Errors, closed.Seconds,
                        cpu.TotalMilliseconds / Math.Max(1, closed.Latency.TotalCount)));

                    cpuBefore = ProcessCpu.Of(pids);
                    var open = await LoadGenerator.OpenAsync(i => send(target, targetUsers, i), rate, settings.Duration, ct);
                    cpu = ProcessCpu.Of(pids) - cpuBefore;
                    results.Add(LoadResult.From($"{name}: {rate:0}/s", targetName, open.Latency, open.Errors, open.Seconds,
                        cpu.TotalMilliseconds / Math.Max(1, open.Latency.TotalCount)));
                }
            }
        }

        return results;
    }

    private Task<IReadOnlyList<BenchmarkUser>> RegisterAsync(HttpClient http, Uri gateway, CancellationToken ct)
    {
        log($"seeding {settings.Users} users at {gateway}");
        return new GatewayClient(http, gateway).RegisterManyAsync(
            settings.Users, i => new NewUser(i % 2 == 0 ? "woman" : "man", ["man", "woman"], 48.85 + (i % 10) * 0.01, 2.35), ct);
    }

    // The processes a request to that stack runs in: its gateway and its profiles replica.
    private static int[] PidsOf(BenchmarkStack stack) => [stack.Gateway!.Pid, stack.Replica(ModuleCatalog.Profiles.Name, 0).Pid];

    private static async Task<bool> LoginAsync(HttpClient http, Uri target, string email, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(new Uri(target, "/api/auth/login"), new { email, password = GatewayClient.Password }, ct);
        return response.IsSuccessStatusCode;
    }

    private static async Task<bool> ReadProfileAsync(HttpClient http, Uri target, string token, Guid userId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(target, $"/api/profiles/{userId}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, ct);
        return response.IsSuccessStatusCode;
    }
}
