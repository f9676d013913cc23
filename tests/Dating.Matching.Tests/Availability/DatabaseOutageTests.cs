using System.Net;
using Dating.Matching.Tests.Infrastructure;
using Dating.Testing;

namespace Dating.Matching.Tests.Availability;

[CollectionDefinition(DisableParallelization = true)]
public sealed class StopsSharedServers;

/// <summary>Stops the shared PostgreSQL for a moment through the app host, so it runs alone.</summary>
[Collection(typeof(StopsSharedServers))]
public sealed class DatabaseOutageTests(BackingServicesFixture backing, MatchingService service) : IClassFixture<MatchingService>
{
    [Fact]
    public async Task Database_unreachable_gives_503_problems_and_the_service_recovers()
    {
        var place = Places.Somewhere();
        using var her = await service.AddAsync(Person.Woman(place));
        var he = Person.Man(place);
        await service.AddAsync(he);

        await backing.StopResourceAsync("postgres", TestContext.Current.CancellationToken);
        try
        {
            await (await her.Http.GetAsync("/api/matching/recommendations", TestContext.Current.CancellationToken))
                .ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
            await (await her.PostSwipeAsync(new { targetUserId = he.UserId, decision = "like" }))
                .ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
            await (await her.Http.GetAsync("/api/matching/matches", TestContext.Current.CancellationToken))
                .ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
            await (await her.BlockAsync(he.UserId)).ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            await backing.StartResourceAsync("postgres", TestContext.Current.CancellationToken);
        }

        (await her.RecommendedIdsAsync()).ShouldContain(he.UserId);
    }
}
