using Dating.Matching.Shards;
using Dating.Matching.Tests.Infrastructure;
using Dating.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dating.Matching.Tests.Shards;

/// <summary>Two replicas whose swipes are on two shards, each a database on its own PostgreSQL server.</summary>
public class ShardedMatching(BackingServicesFixture backing) : MatchingService(backing)
{
    protected override int Replicas => 2;

    protected override int Shards => BackingServicesFixture.ShardServers;

    /// <summary>The ring's shard for a swiper: <c>matching-shard-0</c>, …</summary>
    internal string ShardOf(Guid userId) => Host.Services.GetRequiredService<SwipeShards>().ShardOf(userId);

    internal ShardMap MapOf(int replica) => Hosts[replica].Services.GetRequiredService<SwipeShards>().Map;

    /// <summary>A person (from <paramref name="make"/>) whose swipes the ring places on shard <paramref name="shard"/>.</summary>
    internal Person On(int shard, Func<Person> make)
    {
        var name = BackingServicesFixture.ShardServerName(shard);
        while (true)
        {
            var person = make();
            if (ShardOf(person.UserId) == name)
            {
                return person;
            }
        }
    }

    /// <summary>Every shard's swipes among <paramref name="users"/>, by shard.</summary>
    internal async Task<IReadOnlyList<(string Shard, Guid SwiperId, Guid TargetId)>> SwipesAmongAsync(IReadOnlyCollection<Guid> users)
    {
        var shards = Host.Services.GetRequiredService<SwipeShards>();
        var rows = new List<(string, Guid, Guid)>();
        foreach (var shard in shards.Map.Shards)
        {
            await using var db = shards.Open(shard);
            rows.AddRange(db.Swipes.Where(s => users.Contains(s.SwiperId)).Select(s => new { s.SwiperId, s.TargetId })
                .AsEnumerable().Select(s => (shard, s.SwiperId, s.TargetId)));
        }

        return rows;
    }
}
