using System.Text.Json;
using Dating.AppHost.Hosting;

namespace Dating.Stacks;

/// <summary>
/// What the Patroni nodes of a stack started with <c>--ha</c> say about its main PostgreSQL, through Patroni's REST API
/// (<c>/cluster</c>, <c>/patroni</c>, <c>/config</c>): who leads, who is the synchronous standby, how far behind it is,
/// and the switch between synchronous and asynchronous replication. The failover tests and the benchmarks under --ha read it.
/// </summary>
public sealed class PatroniView(AppHostStack stack)
{
    /// <summary>The Patroni nodes of the main PostgreSQL, as the app host's model has them.</summary>
    public IReadOnlyList<string> Nodes { get; } = [.. stack.Model.Resources.OfType<PatroniNodeResource>().Select(node => node.Name)];

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    private Uri Api(string node, string path) => new(stack.UrlOf(node, "patroni"), path);

    /// <summary>The node that holds the leader lock with its PostgreSQL running, as the first node that answers says; null when none.</summary>
    public async Task<string?> LeaderAsync()
    {
        using var cluster = await ClusterAsync();
        return cluster?.RootElement.GetProperty("members").EnumerateArray()
            .Where(member => member.GetProperty("role").GetString() == "leader" && member.GetProperty("state").GetString() == "running")
            .Select(member => member.GetProperty("name").GetString())
            .FirstOrDefault();
    }

    // The cluster as the first node that answers describes it (/cluster); null when no Patroni answers.
    private async Task<JsonDocument?> ClusterAsync()
    {
        foreach (var node in Nodes)
        {
            try
            {
                return JsonDocument.Parse(await Http.GetStringAsync(Api(node, "/cluster")));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // That node's Patroni is down: ask the next.
            }
        }

        return null;
    }

    /// <summary>
    /// The node the leader reports as its synchronous standby in state streaming, once Patroni has also recorded it as
    /// the synchronous standby (role sync_standby in /cluster, from its /sync key); null until both hold. Patroni names
    /// a new synchronous standby in PostgreSQL first and in its /sync key once the standby has confirmed: a standby
    /// killed between the two stayed in synchronous_standby_names and held every commit (seen once in CI, Patroni 3),
    /// so a fault waits for the assignment to be complete before it kills the standby.
    /// </summary>
    public async Task<string?> SyncStandbyAsync()
    {
        if (await LeaderAsync() is not { } leader)
        {
            return null;
        }

        try
        {
            var streaming = (await StandbysAsync(leader)).Where(s => s.SyncState == "sync").Select(s => s.Name).FirstOrDefault();
            if (streaming is null)
            {
                return null;
            }

            using var cluster = JsonDocument.Parse(await Http.GetStringAsync(Api(leader, "/cluster")));
            return cluster.RootElement.GetProperty("members").EnumerateArray()
                .Any(member => member.GetProperty("name").GetString() == streaming && member.GetProperty("role").GetString() == "sync_standby")
                ? streaming
                : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>The node that streams from the leader asynchronously, once the leader reports it so; null until then.</summary>
    public async Task<string?> AsyncStandbyAsync()
    {
        try
        {
            return await LeaderAsync() is { } leader
                ? (await StandbysAsync(leader)).Where(s => s.SyncState == "async").Select(s => s.Name).FirstOrDefault()
                : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// How far each replica is behind the leader in bytes of WAL, as <c>/cluster</c> reports it (Patroni reads it from
    /// the replicas' received positions); empty when no Patroni answers.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> LagBytesAsync()
    {
        using var cluster = await ClusterAsync();
        return cluster is null
            ? new Dictionary<string, long>()
            : cluster.RootElement.GetProperty("members").EnumerateArray()
                .Where(member => member.TryGetProperty("lag", out var lag) && lag.ValueKind == JsonValueKind.Number)
                .ToDictionary(member => member.GetProperty("name").GetString()!, member => member.GetProperty("lag").GetInt64());
    }

    /// <summary>
    /// Turns Patroni's <c>synchronous_mode</c> on or off for the whole cluster (a PATCH of its dynamic configuration,
    /// kept in etcd, through the leader). Off, a commit is acknowledged before the standby has it.
    /// </summary>
    public async Task SetSynchronousModeAsync(bool synchronous, CancellationToken ct)
    {
        var leader = await LeaderAsync() ?? throw new InvalidOperationException("No Patroni leader to take the configuration change.");
        // A body of known length: Patroni's REST server refuses a chunked one (411).
        using var body = new StringContent(JsonSerializer.Serialize(new { synchronous_mode = synchronous }), System.Text.Encoding.UTF8, "application/json");
        using var response = await Http.PatchAsync(Api(leader, "/config"), body, ct);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Polls one of this view's questions until it names a node, for at most <paramref name="limit"/>.</summary>
    public static async Task<string> WaitForAsync(Func<Task<string?>> node, string what, TimeSpan limit, CancellationToken ct)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (await node() is { } named)
            {
                return named;
            }

            if (waited.Elapsed > limit)
            {
                throw new TimeoutException($"Gave up waiting for {what} after {limit.TotalSeconds:0} s.");
            }

            await Task.Delay(Poll, ct);
        }
    }

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    // The standbys streaming from the leader, as its /patroni reports them (application_name is the node's name).
    private async Task<IReadOnlyList<(string Name, string SyncState)>> StandbysAsync(string leader)
    {
        using var status = JsonDocument.Parse(await Http.GetStringAsync(Api(leader, "/patroni")));
        return status.RootElement.TryGetProperty("replication", out var standbys)
            ? [.. standbys.EnumerateArray()
                .Where(standby => standby.GetProperty("state").GetString() == "streaming")
                .Select(standby => (standby.GetProperty("application_name").GetString()!, standby.GetProperty("sync_state").GetString()!))]
            : [];
    }
}
