using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Dating.BuildingBlocks.Hashing;
using Dating.Matching.Data;
using Dating.Matching.Shards;
using Dating.Matching.Swipes;
using Dating.Matching.Tests.Infrastructure;
using Dating.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dating.Matching.Tests.Shards;

/// <summary>
/// Two replicas and three configured swipe shards (the third a second database on the first shard server: the
/// resharding cares about databases, and CI starts two servers, not three), of which the first map holds <see cref="FirstMap"/>.
/// </summary>
public abstract class ReshardableMatching(BackingServicesFixture backing) : ShardedMatching(backing)
{
    protected override int Shards => 3;

    protected abstract int FirstMap { get; }

    protected override void Configure(IDictionary<string, string?> configuration)
    {
        for (var shard = 0; shard < FirstMap; shard++)
        {
            configuration[$"Matching:Shards:FirstMap:{shard}"] = BackingServicesFixture.ShardServerName(shard);
        }
    }

    internal Task<(int ExitCode, string Output, string Error)> ShardsAsync(params string[] args) => ShardsCommandLine.RunAsync(Settings, args);

    internal Task<ShardMap> LatestMapAsync() => QueryAsync(db => db.ShardMaps.AsNoTracking().OrderByDescending(m => m.Version).FirstAsync());

    /// <summary>Every swipe among <paramref name="users"/> on every configured shard (also one that left the map).</summary>
    internal async Task<IReadOnlyList<(string Shard, Guid SwiperId, Guid TargetId, SwipeDecision Decision)>> AllSwipesAmongAsync(IReadOnlyCollection<Guid> users)
    {
        var rows = new List<(string, Guid, Guid, SwipeDecision)>();
        for (var shard = 0; shard < Shards; shard++)
        {
            var name = BackingServicesFixture.ShardServerName(shard);
            await using var db = new SwipeShardDbContext(SwipeShardOptions.For(Settings[$"ConnectionStrings:{name}"]!));
            var found = await db.Swipes.AsNoTracking().Where(s => users.Contains(s.SwiperId)).ToListAsync();
            rows.AddRange(found.Select(s => (name, s.SwiperId, s.TargetId, s.Decision)));
        }

        return rows;
    }

    internal static string OwnerIn(string[] shards, Guid swiperId) => ConsistentHashRing.Create(shards).OwnerOf(swiperId.ToString())!;

    internal static (int Moved, int Of) SwipersMoved(string output)
    {
        var match = Regex.Match(output, @"Swipers moved: (\d+) of (\d+)");
        match.Success.ShouldBeTrue(output);
        return (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    internal static (long Before, long After) Totals(string output)
    {
        var match = Regex.Match(output, @"^total\s+(\d+)\s+(\d+)", RegexOptions.Multiline);
        match.Success.ShouldBeTrue(output);
        return (long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), long.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>Two shards in the map, a third configured for <c>shards add</c>.</summary>
public sealed class TwoOfThreeShards(BackingServicesFixture backing) : ReshardableMatching(backing)
{
    protected override int FirstMap => 2;
}

/// <summary>All three shards in the map, for <c>shards remove</c>.</summary>
public sealed class ThreeShards(BackingServicesFixture backing) : ReshardableMatching(backing)
{
    protected override int FirstMap => 3;
}

/// <summary>Swipes sent by workers through the replicas' endpoint, each pass over the plan in a new order, until told to stop.</summary>
internal sealed class SwipeLoad(IReadOnlyList<MatchingClient[]> clientsByReplica, IReadOnlyList<(int Swiper, int Target, string Decision)> plan)
{
    public ConcurrentQueue<(int Swiper, int Target, string Decision, DateTimeOffset At)> Acknowledged { get; } = new();

    public int Passes { get; private set; }

    /// <summary>Passes until <paramref name="stop"/> says so; then one more whole pass, so that swipes also arrive after it.</summary>
    public async Task RunAsync(Func<bool> stop, int workers, int seed)
    {
        var random = new Random(seed);
        while (true)
        {
            var last = stop();
            var pass = new ConcurrentQueue<(int, int, string)>(plan.OrderBy(_ => random.Next()));
            await Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
            {
                while (pass.TryDequeue(out var swipe))
                {
                    var (swiper, target, decision) = swipe;
                    var client = clientsByReplica[(swiper + worker) % clientsByReplica.Count][swiper];
                    await client.SwipeAsync(clientsByReplica[0][target].UserId, decision);
                    Acknowledged.Enqueue((swiper, target, decision, DateTimeOffset.UtcNow));
                }
            })));
            Passes++;
            if (last)
            {
                return;
            }
        }
    }
}
