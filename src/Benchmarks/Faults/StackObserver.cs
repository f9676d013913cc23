using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dating.Benchmarks.Api;
using Dating.Benchmarks.Scenarios.Photos;
using Dating.Benchmarks.Stacks;
using Dating.BuildingBlocks.Modules;
using Npgsql;

namespace Dating.Benchmarks.Faults;

/// <summary>
/// Reads what the stack holds for a fault run's users: matching's (its swipes and matches from every shard) and profiles' rows
/// straight from PostgreSQL, each user's match, conversation and photo lists and every conversation's history through
/// the public API as the user, every
/// module's unsent outbox rows, and RabbitMQ's queues through its management API.
/// </summary>
public sealed class StackObserver(BenchmarkStack stack, GatewayClient api, FaultUsers users, HttpClient http)
{
    private const int PageSize = 100;

    private IReadOnlyList<(string Name, string Schema, string Database)>? _outboxes;

    private Guid[] UserIds => [.. users.Users.Select(u => u.UserId)];

    public async Task<ObservedState> ObserveAsync(CancellationToken ct)
    {
        var matching = await stack.DatabaseOfAsync(ModuleCatalog.Matching, ct);
        var matches = new List<StoredMatch>();
        var swipes = new List<StoredSwipe>();
        foreach (var shard in await stack.SwipeShardDatabasesAsync(ct))
        {
            matches.AddRange(await QueryAsync(shard,
                "SELECT id, user_a, user_b, ended_at IS NOT NULL FROM matching_swipes.matches WHERE user_a = ANY(@users) AND user_b = ANY(@users)",
                r => new StoredMatch(r.GetGuid(0), r.GetGuid(1), r.GetGuid(2), r.GetBoolean(3)), ct));
            swipes.AddRange(await QueryAsync(shard,
                "SELECT swiper_id, target_id, decision FROM matching_swipes.swipes WHERE swiper_id = ANY(@users) AND target_id = ANY(@users)",
                r => new StoredSwipe(r.GetGuid(0), r.GetGuid(1), r.GetInt32(2) == 1), ct));
        }

        var queues = await QueuesAsync(ct);
        return new ObservedState
        {
            Swipes = swipes,
            Matches = matches,
            MatchLists = await ListsAsync("/api/matching/matches", ct),
            Conversations = await ListsAsync("/api/chat/conversations", ct),
            Messages = await MessagesAsync(matches, ct),
            Bios = await BiosAsync(matching, ct),
            Photos = await PhotosAsync(ct),
            UnsentOutbox = await UnsentOutboxAsync(ct),
            ErrorQueues = queues.Where(q => IsErrorQueue(q.Key)).ToDictionary(q => q.Key, q => q.Value.Messages),
            Queues = queues.Where(q => !IsErrorQueue(q.Key)).ToDictionary(),
        };
    }

    private async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>> ListsAsync(string path, CancellationToken ct)
    {
        var lists = await Task.WhenAll(users.Users.Select(async user =>
        {
            var (status, body) = await api.SendJsonAsync(HttpMethod.Get, path, user.Token, null, ct);
            return status == HttpStatusCode.OK
                ? (user.UserId, (IReadOnlyList<Guid>)[.. body.EnumerateArray().Select(m => m.GetProperty("matchId").GetGuid())])
                : throw new HttpRequestException($"GET {path} as {user.UserId}: {(int)status}");
        }));
        return lists.ToDictionary(l => l.UserId, l => l.Item2);
    }

    /// <summary>How many of the run's users' photos the photos database has as processing right now.</summary>
    public async Task<long> PhotosProcessingAsync(CancellationToken ct) =>
        (await QueryAsync(await stack.DatabaseOfAsync(ModuleCatalog.Photos, ct),
            "SELECT count(*) FROM photos.photos WHERE user_id = ANY(@users) AND status = 'Processing'", r => r.GetInt64(0), ct))[0];

    private async Task<IReadOnlyDictionary<Guid, IReadOnlyList<ListedPhoto>>> PhotosAsync(CancellationToken ct)
    {
        var lists = await Task.WhenAll(users.Users.Select(async user =>
        {
            var (status, body) = await api.SendJsonAsync(HttpMethod.Get, "/api/photos/me", user.Token, null, ct);
            return status == HttpStatusCode.OK
                ? (user.UserId, (IReadOnlyList<ListedPhoto>)[.. body.EnumerateArray().Select(p => new ListedPhoto(p.GetProperty("photoId").GetGuid(),
                    PhotoStatus.IsDone(p, out var ready) ? ready : null))])
                : throw new HttpRequestException($"GET /api/photos/me as {user.UserId}: {(int)status}");
        }));
        return lists.ToDictionary(l => l.UserId, l => l.Item2);
    }

    // Every page of every conversation of the run's matches, newest first, read as one of its two users.
    private async Task<IReadOnlyDictionary<Guid, IReadOnlyList<ListedMessage>>> MessagesAsync(IReadOnlyList<StoredMatch> matches, CancellationToken ct)
    {
        var tokens = users.Users.ToDictionary(u => u.UserId, u => u.Token);
        var histories = await Task.WhenAll(matches.Select(async match =>
        {
            var listed = new List<ListedMessage>();
            while (true)
            {
                var path = $"/api/chat/conversations/{match.MatchId}/messages?limit={PageSize}" + (listed.Count > 0 ? $"&before={listed[^1].MessageId}" : "");
                var (status, body) = await api.SendJsonAsync(HttpMethod.Get, path, tokens[match.UserA], null, ct);
                if (status == HttpStatusCode.NotFound && listed.Count == 0)
                {
                    break; // no conversation (yet): the conversation invariant says so
                }

                if (status != HttpStatusCode.OK)
                {
                    throw new HttpRequestException($"GET {path}: {(int)status}");
                }

                var page = body.EnumerateArray().Select(m => new ListedMessage(m.GetProperty("messageId").GetGuid(), m.GetProperty("text").GetString() ?? "")).ToList();
                listed.AddRange(page);
                if (page.Count < PageSize)
                {
                    break;
                }
            }

            return (match.MatchId, (IReadOnlyList<ListedMessage>)listed);
        }));
        return histories.ToDictionary(h => h.MatchId, h => h.Item2);
    }

    private async Task<IReadOnlyDictionary<Guid, (string? Source, string? ReadModel)>> BiosAsync(string matching, CancellationToken ct)
    {
        var profiles = await stack.DatabaseOfAsync(ModuleCatalog.Profiles, ct);
        var source = await QueryAsync(profiles, "SELECT user_id, bio FROM profiles.profiles WHERE user_id = ANY(@users)",
            r => (r.GetGuid(0), r.IsDBNull(1) ? null : r.GetString(1)), ct);
        var readModel = (await QueryAsync(matching, "SELECT user_id, bio FROM matching.candidates WHERE user_id = ANY(@users)",
            r => (r.GetGuid(0), r.IsDBNull(1) ? null : r.GetString(1)), ct)).ToDictionary(b => b.Item1, b => b.Item2);
        return source.ToDictionary(b => b.Item1, b => (b.Item2, readModel.GetValueOrDefault(b.Item1)));
    }

    private Task<IReadOnlyDictionary<string, int>> UnsentOutboxAsync(CancellationToken ct) =>
        PerOutboxAsync("SELECT count(*) FROM {0} WHERE dispatched_at IS NULL", ct);

    /// <summary>
    /// Marks every event each module's outbox has sent as unsent, so that its relay publishes them all again, each with
    /// its own message id (the outbox row's id), as after a relay that crashed between publishing and marking. Returns
    /// how many rows per module; <see cref="UnsentEventsAsync"/> then shows when they are all sent again.
    /// </summary>
    public Task<IReadOnlyDictionary<string, int>> MarkOutboxUnsentAsync(CancellationToken ct) =>
        PerOutboxAsync("WITH marked AS (UPDATE {0} SET dispatched_at = NULL WHERE dispatched_at IS NOT NULL RETURNING 1) SELECT count(*) FROM marked", ct);

    /// <summary>How many rows of every module's outbox are still unsent.</summary>
    public async Task<int> UnsentEventsAsync(CancellationToken ct) => (await UnsentOutboxAsync(ct)).Values.Sum();

    // One count per module with an outbox, from a statement on its table ({0}).
    private async Task<IReadOnlyDictionary<string, int>> PerOutboxAsync(string sql, CancellationToken ct)
    {
        var counts = new Dictionary<string, int>();
        foreach (var (name, schema, database) in _outboxes ??= await OutboxesAsync(ct))
        {
            counts[name] = (int)(await QueryAsync(database, string.Format(CultureInfo.InvariantCulture, sql, $"\"{schema}\".outbox_messages"),
                r => r.GetInt64(0), ct))[0];
        }

        return counts;
    }

    // The modules with an outbox, and their databases: each module's outbox lives in its schema, and a module without
    // one has no table there; matching's shards have one each, for the match events. Looked up once: the redelivery
    // polls the counts every 200 ms.
    private async Task<IReadOnlyList<(string Name, string Schema, string Database)>> OutboxesAsync(CancellationToken ct)
    {
        var outboxes = new List<(string, string, string)>();
        var shards = await stack.SwipeShardDatabasesAsync(ct);
        for (var shard = 0; shard < shards.Count; shard++)
        {
            outboxes.Add(($"matching shard {shard}", "matching_swipes", shards[shard]));
        }

        foreach (var module in ModuleCatalog.All)
        {
            var database = await stack.DatabaseOfAsync(module, ct);
            var tables = await QueryAsync(database,
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = @schema AND table_name = 'outbox_messages'",
                r => r.GetInt64(0), ct, ("schema", module.Name));
            if (tables[0] > 0)
            {
                outboxes.Add((module.Name, module.Name, database));
            }
        }

        return outboxes;
    }

    private static bool IsErrorQueue(string name) => name.EndsWith("_error", StringComparison.Ordinal);

    private async Task<IReadOnlyDictionary<string, BrokerQueue>> QueuesAsync(CancellationToken ct)
    {
        if (stack.Topology == AppHost.Options.Topology.Monolith)
        {
            return new Dictionary<string, BrokerQueue>(); // the monolith's events stay in its process
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(stack.UrlOf("rabbitmq", "management"), "/api/queues?columns=name,messages,consumers"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var queues = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        return queues.RootElement.EnumerateArray().ToDictionary(
            q => q.GetProperty("name").GetString()!, q => new BrokerQueue(Count(q, "messages"), Count(q, "consumers")));

        // A queue the management API has not sampled yet has no counts.
        static int Count(JsonElement queue, string name) =>
            queue.TryGetProperty(name, out var count) && count.ValueKind == JsonValueKind.Number ? count.GetInt32() : 0;
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string connectionString, string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct,
        params (string Name, object Value)[] parameters)
    {
        // No pool: after a PostgreSQL kill every pooled connection is dead, and the observer opens few.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("users", UserIds);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
