using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dating.AppHost.Hosting;
using Dating.Deployment.Tests.Model;
using Dating.Deployment.Tests.Rendering;
using Dating.Testing;
using Npgsql;

namespace Dating.Deployment.Tests.Smoke;

/// <summary>
/// The deployment smoke test: the services' images built by the SDK on a local base, pushed to a loopback registry,
/// and the managed overlay played as pods by <c>podman kube play</c> (2 gateway and 2 matching replicas) against the
/// test's own PostgreSQL, Redis, RabbitMQ and Azurite, then a user journey through the gateway pods. Explicit: it
/// takes several minutes and is not part of <c>dotnet test</c>; run it with
/// <c>dotnet test tests/Dating.Deployment.Tests --filter FullyQualifiedName~PodmanSmoke -- xUnit.Explicit=only</c> (as root or with
/// passwordless sudo: podman's networks need root here). What it shows and what only a cluster can: infra/README.md,
/// "The smoke test".
/// </summary>
public sealed partial class PodmanSmokeTests
{
    private const string Network = "dating-smoke";
    private static readonly Dictionary<string, int> Replicas = new() { ["gateway"] = 2, ["matching"] = 2 };

    [Fact(Explicit = true)]
    public async Task The_images_run_as_pods_of_the_rendered_manifests_and_serve_a_user_journey_through_the_gateway()
    {
        var ct = TestContext.Current.CancellationToken;
        var work = Directory.CreateDirectory(Path.Combine(Repository.Root, ".local", "podman-smoke")).FullName;
        var podman = await Podman.EnsureAsync(work, ct);
        await LocalBaseImage.EnsureAsync(podman, work);

        await using var registry = await LoopbackRegistry.StartAsync(work);
        var baseImage = $"{registry.Address}/dating-smoke/aspnet:{Environment.Version}";
        await podman.RunAsync("push", "--quiet", "--tls-verify=false", LocalBaseImage.Name, baseImage);
        // Every image the build makes (the monolith's too, though only the microservices are played), each in the registry after.
        foreach (var project in (await AppHostSystem.Microservices).Concat(await AppHostSystem.Monolith).Select(s => s.ProjectPath).Distinct())
        {
            await PublishImageAsync(project, baseImage, registry.Address);
        }

        (await registry.RepositoriesAsync()).ShouldBe((await BuiltImages.ByService).Values.Select(i => i.Split(':')[0]).Append("dating-smoke/aspnet"), ignoreOrder: true);

        var backing = new BackingServicesFixture();
        await backing.InitializeAsync();
        try
        {
            var connectionStrings = await ConnectionStringsAsync(backing);
            if (!await podman.SucceedsAsync("network", "exists", Network))
            {
                await podman.RunAsync("network", "create", Network);
            }

            await using var relay = await BackingRelay.StartAsync(podman, Network, connectionStrings.Values.SelectMany(PortsOf), work);
            var (yaml, secrets, pods) = PodmanManifests.Adapt(
                await RenderedManifests.OfOverlayAsync("managed"), Replicas, image => $"{registry.Address}/{image}",
                connectionStrings.ToDictionary(e => e.Key, e => OnHost(e.Value, BackingRelay.Host)));
            var played = Path.Combine(work, "played.yaml");
            await File.WriteAllTextAsync(played, yaml, ct);
            foreach (var (name, json) in secrets)
            {
                var file = Path.Combine(work, $"{name}.json");
                await File.WriteAllTextAsync(file, json, ct);
                await podman.TryAsync("secret", "rm", name);
                await podman.RunAsync("secret", "create", name, file);
            }

            // podman kube down stops at the first pod it misses; these go whatever was left.
            string[] removePods = ["pod", "rm", "--force", "--ignore", "--time", "0", .. pods];
            await podman.RunAsync(removePods);
            try
            {
                await podman.RunAsync(TimeSpan.FromMinutes(5), "kube", "play", "--network", Network, "--tls-verify=false", played);
                await JourneyAsync(podman, pods);
            }
            catch (Exception e) when (e is TimeoutException or ShouldAssertException)
            {
                throw new InvalidOperationException($"{e.Message}\n{await PodLogsAsync(podman)}", e);
            }
            finally
            {
                await podman.TryAsync(removePods);
                // The pulled images are named after this run's registry port: the next run pulls under another.
                foreach (var image in (await podman.RunAsync("images", "--format", "{{.Repository}}:{{.Tag}}")).Split('\n').Where(i => i.StartsWith(registry.Address + "/", StringComparison.Ordinal)))
                {
                    await podman.TryAsync("rmi", image);
                }
            }
        }
        finally
        {
            await backing.DisposeAsync();
        }
    }

    private static async Task JourneyAsync(Podman podman, IReadOnlyList<string> pods)
    {
        var urls = new Dictionary<string, Uri>();
        foreach (var pod in pods)
        {
            urls[pod] = new Uri($"http://{await podman.AddressOfAsync($"{pod}-app", Network)}:{PodmanManifests.ContainerPort}");
        }

        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var pod in pods)
        {
            // A pod is ready, as its readiness probe would say, when /health answers 200 (its database, broker and Redis reached).
            await Eventually.UntilAsync(async () => await StatusAsync(probe, new Uri(urls[pod], "/health")) == HttpStatusCode.OK,
                $"{pod} to be healthy", TimeSpan.FromMinutes(3));
        }

        // Two people meet through the two gateway pods: register, like, like back, match, message.
        using var first = new HttpClient { BaseAddress = urls["gateway-pod-0"] };
        using var second = new HttpClient { BaseAddress = urls["gateway-pod-1"] };
        var (a, b) = (await TestUsers.RegisterAsync(first), await TestUsers.RegisterAsync(second));
        first.WithToken(a.Token);
        second.WithToken(b.Token);
        var matchId = await MatchAsync(first, a, second, b);

        var sent = await Eventually.GetAsync(
            () => first.PostAsJsonAsync($"/api/chat/conversations/{matchId}/messages", new { text = "Hello from a pod" }),
            r => r.StatusCode != HttpStatusCode.NotFound, "the conversation to open");
        sent.StatusCode.ShouldBe(HttpStatusCode.Created);
        var read = await second.GetFromJsonAsync<JsonElement>($"/api/chat/conversations/{matchId}/messages");
        read.EnumerateArray().Select(m => m.GetProperty("text").GetString()).ShouldContain("Hello from a pod");

        // One matching pod gone: the gateway takes everyone to the other (by DNS name, as a headless Service gives it).
        await podman.RunAsync("stop", "--time", "0", "matching-pod-0-app");
        using var third = new HttpClient { BaseAddress = urls["gateway-pod-0"] };
        using var fourth = new HttpClient { BaseAddress = urls["gateway-pod-1"] };
        var (c, d) = (await TestUsers.RegisterAsync(third), await TestUsers.RegisterAsync(fourth));
        third.WithToken(c.Token);
        fourth.WithToken(d.Token);
        await MatchAsync(third, c, fourth, d);
    }

    // What each pod printed last, for the failure message: the pods are gone once the test has ended.
    private static async Task<string> PodLogsAsync(Podman podman)
    {
        var logs = new System.Text.StringBuilder();
        foreach (var container in (await podman.RunAsync("ps", "--all", "--format", "{{.Names}}", "--filter", "name=-pod-")).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            logs.AppendLine($"--- {container} ({await podman.RunAsync("inspect", "--format", "{{.State.Status}} {{.State.ExitCode}}", container)})");
            logs.AppendLine(await Shell.RunAsync("sh", ["-c", $"podman logs --tail 15 {container} 2>&1"], TimeSpan.FromSeconds(30), podman.Environment));
        }

        return logs.ToString();
    }

    private static async Task<Guid> MatchAsync(HttpClient first, TestUsers.Registered a, HttpClient second, TestUsers.Registered b)
    {
        async Task<HttpResponseMessage> LikeAsync(HttpClient client, Guid target) => await Eventually.GetAsync(
            () => client.PostAsJsonAsync("/api/matching/swipes", new { targetUserId = target, decision = "like" }),
            r => r.StatusCode == HttpStatusCode.OK, $"a like of {target} to be taken", TimeSpan.FromMinutes(1));

        var like = await (await LikeAsync(first, b.UserId)).Content.ReadFromJsonAsync<JsonElement>();
        like.GetProperty("matched").GetBoolean().ShouldBeFalse();
        var likeBack = await (await LikeAsync(second, a.UserId)).Content.ReadFromJsonAsync<JsonElement>();
        likeBack.GetProperty("matched").GetBoolean().ShouldBeTrue();
        return likeBack.GetProperty("matchId").GetGuid();
    }

    private static async Task<HttpStatusCode?> StatusAsync(HttpClient client, Uri url)
    {
        try
        {
            using var response = await client.GetAsync(url);
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    // The SDK's container build, as the README tells users to run it, onto the local base and into the loopback registry.
    private static Task PublishImageAsync(string project, string baseImage, string registry) =>
        Shell.RunAsync(
            BuiltImages.Dotnet,
            ["publish", project, "--configuration", "Release", "-t:PublishContainer", $"-p:ContainerBaseImage={baseImage}", $"-p:ContainerRegistry={registry}"],
            TimeSpan.FromMinutes(10),
            new Dictionary<string, string?>(BuiltImages.OutsideTestBuild) { ["DOTNET_CONTAINER_INSECURE_REGISTRIES"] = registry });

    // What the managed overlay's Secret holds, from the test's servers: a database per service and per swipe shard.
    private static async Task<Dictionary<string, string>> ConnectionStringsAsync(BackingServicesFixture backing)
    {
        var strings = new Dictionary<string, string>
        {
            ["redis"] = backing.RedisConnectionString,
            ["rabbitmq"] = backing.RabbitMqConnectionString,
            ["blobs"] = backing.BlobConnectionString,
        };
        foreach (var database in new[] { "profiles", "photos", "matching", "chat" })
        {
            strings[database] = await backing.CreateDatabaseAsync(database);
        }

        for (var shard = 0; shard < BackingServicesFixture.ShardServers; shard++)
        {
            strings[BackingServicesFixture.ShardServerName(shard)] = await backing.CreateShardDatabaseAsync(shard, "swipes");
        }

        return strings;
    }

    private static IEnumerable<int> PortsOf(string connectionString) =>
        LoopbackPort().Matches(connectionString).Select(m => int.Parse(m.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Concat(connectionString.Contains("Host=", StringComparison.Ordinal) ? [new NpgsqlConnectionStringBuilder(connectionString).Port] : []);

    private static string OnHost(string connectionString, string host) => LoopbackHost().Replace(connectionString, host);

    [GeneratedRegex(@"(?:127\.0\.0\.1|localhost):(?<port>[0-9]+)")]
    private static partial Regex LoopbackPort();

    [GeneratedRegex(@"\b(?:127\.0\.0\.1|localhost)\b")]
    private static partial Regex LoopbackHost();
}
