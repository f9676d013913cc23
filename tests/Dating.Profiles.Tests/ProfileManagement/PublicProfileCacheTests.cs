using System.Net;
using Dating.Profiles.Data;
using Dating.Profiles.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dating.Profiles.Tests.ProfileManagement;

public sealed class PublicProfileCacheTests(ProfilesServiceFixture service) : IClassFixture<ProfilesServiceFixture>
{
    [Fact]
    public async Task Public_profiles_are_served_from_the_cache_until_the_owner_changes_them()
    {
        using var client = service.CreateClient();
        var owner = await client.RegisterAsync();
        var viewer = await client.RegisterAsync();
        using (var first = await client.GetAsync($"/api/profiles/{owner.UserId}", viewer.Token))
        {
            (await first.Content.ReadAsStringAsync()).ShouldContain("\"displayName\":\"Alex\"");
        }

        // Behind the service's back: a cached read does not see it.
        await using (var scope = service.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ProfilesDbContext>();
            await db.Profiles.Where(p => p.UserId == owner.UserId)
                .ExecuteUpdateAsync(p => p.SetProperty(x => x.DisplayName, "Changed in the database"));
        }

        using (var cached = await client.GetAsync($"/api/profiles/{owner.UserId}", viewer.Token))
        {
            (await cached.Content.ReadAsStringAsync()).ShouldContain("\"displayName\":\"Alex\"");
        }

        using var put = await client.SendAsync(HttpMethod.Put, "/api/profiles/me", owner.Token, new
        {
            displayName = "Robin",
            gender = "woman",
            interestedIn = new[] { "man" },
            ageRange = new { min = 18, max = 99 },
            maxDistanceKm = 10,
            location = new { latitude = 1.0, longitude = 2.0 },
        });
        put.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var fresh = await client.GetAsync($"/api/profiles/{owner.UserId}", viewer.Token);
        (await fresh.Content.ReadAsStringAsync()).ShouldContain("\"displayName\":\"Robin\"");
    }
}
