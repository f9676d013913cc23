using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dating.Benchmarks.Api;
using Dating.Benchmarks.Load;
using Dating.Benchmarks.Stacks;
using Dating.BuildingBlocks.Modules;

namespace Dating.Benchmarks.Scenarios;

/// <summary>
/// Login and a cached public-profile read, through the gateway and directly at the Profiles service,
/// alternating A B A B so machine noise falls on both: what one proxy hop costs.
/// </summary>
public sealed class ProfilesBenchmark(BenchmarkSettings settings, Action<string> log)
{
    public async Task<IReadOnlyList<LoadResult>> RunAsync(CancellationToken ct)
    {
        await using var stack = await BenchmarkStack.StartAsync(log, ct);

        var gateway = stack.PublicUrl;
        var direct = stack.Replica(ModuleCatalog.Profiles.Name, 0).Url;
        int[] pids = [stack.Gateway!.Pid, stack.Replica(ModuleCatalog.Profiles.Name, 0).Pid];
        using var http = GatewayClient.CreateHttpClient();

        log($"seeding {settings.Users} users");
        var users = await new GatewayClient(http, gateway).RegisterManyAsync(
            settings.Users, i => new NewUser(i % 2 == 0 ? "woman" : "man", ["man", "woman"], 48.85 + (i % 10) * 0.01, 2.35), ct);
        var token = users[0].Token;

        var scenarios = new (string Name, double Rate, Func<Uri, int, Task<bool>> Send)[]
        {
            ("login", settings.LoginRate, (target, i) => LoginAsync(http, target, users[i % users.Count].Email, ct)),
            ("public profile (cached)", settings.ReadRate, (target, i) => ReadProfileAsync(http, target, token, users[i % users.Count].UserId, ct)),
        };

        var results = new List<LoadResult>();
        foreach (var (name, rate, send) in scenarios)
        {
            for (var round = 0; round < settings.Rounds; round++)
            {
                foreach (var (targetName, target) in new[] { ("direct", direct), ("gateway", gateway) })
                {
                    log($"{name} via {targetName}, round {round + 1}");
                    await LoadGenerator.ClosedAsync(i => send(target, i), settings.Clients, settings.Warmup, ct);

                    var cpuBefore = ProcessCpu.Of(pids);
                    var closed = await LoadGenerator.ClosedAsync(i => send(target, i), settings.Clients, settings.Duration, ct);
                    var cpu = ProcessCpu.Of(pids) - cpuBefore;
                    results.Add(LoadResult.From($"{name}: max", targetName, closed.Latency, closed.Errors, closed.Seconds,
                        cpu.TotalMilliseconds / Math.Max(1, closed.Latency.TotalCount)));

                    cpuBefore = ProcessCpu.Of(pids);
                    var open = await LoadGenerator.OpenAsync(i => send(target, i), rate, settings.Duration, ct);
                    cpu = ProcessCpu.Of(pids) - cpuBefore;
                    results.Add(LoadResult.From($"{name}: {rate:0}/s", targetName, open.Latency, open.Errors, open.Seconds,
                        cpu.TotalMilliseconds / Math.Max(1, open.Latency.TotalCount)));
                }
            }
        }

        return results;
    }

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
