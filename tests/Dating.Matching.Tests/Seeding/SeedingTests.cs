using Dating.Matching.Candidates;
using Dating.Matching.Recommendations;
using Dating.Matching.Seeding;
using Dating.Matching.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dating.Matching.Tests.Seeding;

public sealed class SeedingTests(MatchingService service) : IClassFixture<MatchingService>
{
    private const int Users = 5000;

    [Fact]
    public async Task Seeded_users_are_recommended_exactly_as_a_brute_force_check_of_both_sides_preferences_says()
    {
        var ids = await service.Host.Services.SeedMatchingAsync(Users, randomSeed: 1, ct: TestContext.Current.CancellationToken);

        ids.Distinct().Count().ShouldBe(Users);
        var cards = await service.QueryAsync(db => db.Candidates.AsNoTracking().ToListAsync());
        cards.Count(c => ids.Contains(c.UserId)).ShouldBe(Users);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var checkedUsers = 0;
        var random = new Random(3);
        foreach (var userId in ids.OrderBy(_ => random.Next()).Take(25))
        {
            var me = cards.Single(c => c.UserId == userId);
            var expected = cards
                .Where(c => Compatible(me, c, today))
                .Select(c => (c.UserId, Score: Distance(me, c) - 5 * c.Interests.Intersect(me.Interests).Count()))
                .OrderBy(c => c.Score)
                .ToList();
            using var client = await service.SignInAsync(userId);

            var served = await client.RecommendedIdsAsync(50);

            if (expected.Count <= 50)
            {
                served.ShouldBe(expected.Select(e => e.UserId), ignoreOrder: true);
            }
            else
            {
                served.Count.ShouldBe(50);
                served.ShouldBeSubsetOf(expected.Select(e => e.UserId));
                var cutoff = expected[49].Score;
                served.ShouldAllBe(id => expected.Single(e => e.UserId == id).Score <= cutoff + 1e-6);
            }

            checkedUsers += expected.Count > 0 ? 1 : 0;
        }

        checkedUsers.ShouldBeGreaterThan(10, "the synthetic population is dense enough for most users to have candidates");
    }

    [Fact]
    public async Task The_seed_verb_adds_as_many_users_as_it_is_asked_for()
    {
        var ct = TestContext.Current.CancellationToken;
        var before = await SyntheticCountAsync(ct);
        using var output = new StringWriter();

        var exitCode = await service.Host.Services.GetRequiredService<IHost>().RunCommandLineAsync(["seed", "20", "2"], serve: _ => throw new InvalidOperationException("seed never serves"), output);

        exitCode.ShouldBe(0);
        output.ToString().ShouldStartWith("Seeded 20 synthetic users");
        (await SyntheticCountAsync(ct)).ShouldBe(before + 20);
    }

    // Synthetic users have random (version 4) ids; registered ones, which other test classes' profile events bring into
    // this database at any time, have version 7 ids.
    private async Task<int> SyntheticCountAsync(CancellationToken ct) =>
        (await service.QueryAsync(db => db.Candidates.Select(c => c.UserId).ToListAsync(ct))).Count(id => id.Version == 4);

    private static bool Compatible(CandidateCard me, CandidateCard other, DateOnly today)
    {
        var distance = Distance(me, other);
        var myAge = Ages.At(me.BirthDate, today);
        var theirAge = Ages.At(other.BirthDate, today);
        return other.UserId != me.UserId
            && (me.InterestedIn & other.Gender) != 0 && (other.InterestedIn & me.Gender) != 0
            && theirAge >= me.AgeMin && theirAge <= me.AgeMax && myAge >= other.AgeMin && myAge <= other.AgeMax
            && distance <= me.MaxDistanceKm && distance <= other.MaxDistanceKm;
    }

    private static double Distance(CandidateCard a, CandidateCard b)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var h = Math.Pow(Math.Sin(Radians(b.Latitude - a.Latitude) / 2), 2)
            + Math.Cos(Radians(a.Latitude)) * Math.Cos(Radians(b.Latitude)) * Math.Pow(Math.Sin(Radians(b.Longitude - a.Longitude) / 2), 2);
        return 2 * GeoBox.EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
