using Dating.Contracts.Matching;
using Dating.Matching.Matches;
using Dating.Matching.Shards;
using Dating.Matching.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dating.Matching.Tests.Shards;

/// <summary>Matches from before they lived on the shards, as a database migrated from then holds them.</summary>
public sealed class LegacyMatchesTests(ShardedMatching service) : IClassFixture<ShardedMatching>
{
    [Fact]
    public async Task A_start_moves_the_module_databases_matches_to_their_first_users_shards_once_and_drops_the_table()
    {
        var ct = TestContext.Current.CancellationToken;
        var place = Places.Somewhere();
        var (ann, bob, cid) = (Person.Woman(place), Person.Man(place), Person.Man(place));
        using var her = await service.AddAsync(ann);
        using var him = await service.AddAsync(bob);
        using var other = await service.AddAsync(cid);
        var active = new Match { Id = Guid.CreateVersion7(), CreatedAt = DateTimeOffset.UtcNow.AddDays(-2) };
        (active.UserA, active.UserB) = MatchStore.Order(ann.UserId, bob.UserId);
        var ended = new Match { Id = Guid.CreateVersion7(), CreatedAt = DateTimeOffset.UtcNow.AddDays(-1), EndedAt = DateTimeOffset.UtcNow, EndReason = MatchEndReason.Unmatched };
        (ended.UserA, ended.UserB) = MatchStore.Order(ann.UserId, cid.UserId);

        // The table as the migration leaves it, and one row already on its shard (a move cut off half way).
        await service.QueryAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync(
                $"""
                CREATE TABLE matching.{LegacyMatches.Table} (id uuid PRIMARY KEY, user_a uuid NOT NULL, user_b uuid NOT NULL,
                    created_at timestamptz NOT NULL, ended_at timestamptz, end_reason varchar(32))
                """, ct);
            foreach (var match in new[] { active, ended })
            {
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO matching.matches_to_shard VALUES ({match.Id}, {match.UserA}, {match.UserB}, {match.CreatedAt}, {match.EndedAt}, {match.EndReason?.ToString()})", ct);
            }

            return true;
        });
        var shards = service.Host.Services.GetRequiredService<SwipeShards>();
        await using (var shard = shards.Open(service.ShardOf(active.UserA)))
        {
            shard.Matches.Add(new Match { Id = active.Id, UserA = active.UserA, UserB = active.UserB, CreatedAt = active.CreatedAt });
            await shard.SaveChangesAsync(ct);
        }

        for (var start = 0; start < 2; start++)
        {
            await service.QueryAsync(async db =>
            {
                await LegacyMatches.MoveAsync(db, shards.Placement, NullLogger.Instance, ct);
                return true;
            });
        }

        var stored = await service.MatchesAmongAsync([ann.UserId]);
        stored.Select(s => s.Match.Id).ShouldBe([active.Id, ended.Id], ignoreOrder: true, "each once");
        stored.ShouldAllBe(s => s.Shard == service.ShardOf(s.Match.UserA));
        stored.Single(s => s.Match.Id == ended.Id).Match.EndReason.ShouldBe(MatchEndReason.Unmatched);
        (await her.MatchesAsync()).ShouldHaveSingleItem().MatchId.ShouldBe(active.Id);
        (await him.MatchesAsync()).ShouldHaveSingleItem().MatchId.ShouldBe(active.Id);
        (await other.MatchesAsync()).ShouldBeEmpty();
        (await service.QueryAsync(db => db.Database.SqlQuery<bool>($"SELECT to_regclass('matching.matches_to_shard') IS NULL AS \"Value\"").SingleAsync(ct)))
            .ShouldBeTrue("the table is dropped once its rows are on the shards");
    }
}
