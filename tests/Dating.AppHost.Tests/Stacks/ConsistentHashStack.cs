using System.Net;
using Dating.Stacks;
using Dating.Testing;

namespace Dating.AppHost.Tests.Stacks;

/// <summary>
/// One app host with three Matching replicas (a consistent-hash cluster in the gateway) and one spare that only
/// the dashboard's Start command runs, plus a set of users, shared by the consistent-hashing tests.
/// </summary>
public sealed class ConsistentHashStack : IAsyncLifetime
{
    public const string Service = "matching";
    public const string Spare = "matching-3";
    private const int UserCount = 40;

    public AppHostStack Stack { get; private set; } = null!;

    public IReadOnlyList<TestUsers.Registered> Users { get; private set; } = [];

    public static IReadOnlyList<string> Running { get; } = ["matching-0", "matching-1", "matching-2"];

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Stack = await TestStacks.StartAsync(["--replicas", $"{Service}=3", "--spares", "1"], ct: ct);
        using var client = new HttpClient { BaseAddress = Stack.PublicUrl };
        var users = new TestUsers.Registered[UserCount];
        // The first registration warms profiles up alone (JIT, EF Core's model); then two at a time. With four at a time,
        // on a machine shared with another test assembly (a CI run whose stack took 132 s to start), registrations
        // waited in line for the password hash past the gateway's 10 s replica timeout and got 504s.
        users[0] = await TestUsers.RegisterAsync(client, ct: ct);
        await Parallel.ForAsync(1, UserCount, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct },
            async (i, token) => users[i] = await TestUsers.RegisterAsync(client, ct: token));
        Users = users;
    }

    public async ValueTask DisposeAsync() => await Stack.DisposeAsync();

    /// <summary>The Matching replica that answers each user; every request must succeed and all of a user's land on one replica.</summary>
    public async Task<Dictionary<Guid, string>> ServedByAsync(int requestsPerUser = 2)
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = new HttpClient { BaseAddress = Stack.PublicUrl };
        var servedBy = new Dictionary<Guid, string>();
        foreach (var user in Users)
        {
            var replicas = new HashSet<string>();
            for (var i = 0; i < requestsPerUser; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/api/matching/matches");
                request.Headers.Authorization = new("Bearer", user.Token);
                using var response = await client.SendAsync(request, ct);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(ct));
                replicas.Add(Served.By(response));
            }

            replicas.Count.ShouldBe(1, $"user {user.UserId} was served by {string.Join(", ", replicas)}");
            servedBy[user.UserId] = replicas.Single();
        }

        return servedBy;
    }

    /// <summary>Polls until <paramref name="done"/> holds for the users' replicas, or fails with the last mapping.</summary>
    public Task<Dictionary<Guid, string>> EventuallyServedByAsync(Func<Dictionary<Guid, string>, bool> done, string what, TimeSpan timeout) =>
        Eventually.GetAsync(() => ServedByAsync(requestsPerUser: 1), done, what, timeout);

    public static string Describe(Dictionary<Guid, string> servedBy) =>
        string.Join(", ", servedBy.Values.CountBy(replica => replica).OrderBy(pair => pair.Key).Select(pair => $"{pair.Key}: {pair.Value}"));
}
