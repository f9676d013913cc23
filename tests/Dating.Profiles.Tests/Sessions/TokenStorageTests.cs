using Dating.Profiles.Tests.Infrastructure;
using Dating.Testing;
using StackExchange.Redis;

namespace Dating.Profiles.Tests.Sessions;

public sealed class TokenStorageTests(ProfilesServiceFixture service) : IClassFixture<ProfilesServiceFixture>
{
    [Fact]
    public async Task Redis_holds_no_raw_token()
    {
        using var client = service.CreateClient();
        var body = Registration.Valid();
        var registered = await client.RegisterAsync(body);
        using var loginResponse = await client.LoginAsync((string)body["email"]!, Registration.Password);
        var login = await loginResponse.ShouldBeJsonAsync<SessionResult>(System.Net.HttpStatusCode.OK);
        using (var used = await client.GetAsync("/api/profiles/me", login.Token))
        {
            used.EnsureSuccessStatusCode();
        }

        await using var redis = await ConnectionMultiplexer.ConnectAsync(service.Backing.RedisConnectionString);
        var database = redis.GetDatabase();
        var everything = new List<string>();
        foreach (var server in redis.GetServers())
        {
            await foreach (var key in server.KeysAsync(pattern: "*"))
            {
                everything.Add(key.ToString());
                everything.AddRange(await ValuesOfAsync(database, key));
            }
        }

        // The scan saw the sessions (so it can fail), yet no token appears anywhere.
        everything.ShouldContain($"session-user:{registered.UserId}");
        foreach (var token in new[] { registered.Token, login.Token })
        {
            everything.ShouldNotContain(item => item.Contains(token, StringComparison.Ordinal));
        }
    }

    private static async Task<IEnumerable<string>> ValuesOfAsync(IDatabase database, RedisKey key) =>
        (await database.KeyTypeAsync(key)) switch
        {
            RedisType.String => [(await database.StringGetAsync(key)).ToString()],
            RedisType.Hash => (await database.HashGetAllAsync(key)).SelectMany(e => new[] { e.Name.ToString(), e.Value.ToString() }),
            RedisType.Set => (await database.SetMembersAsync(key)).Select(v => v.ToString()),
            RedisType.List => (await database.ListRangeAsync(key)).Select(v => v.ToString()),
            RedisType.SortedSet => (await database.SortedSetRangeByRankAsync(key)).Select(v => v.ToString()),
            _ => [],
        };
}
