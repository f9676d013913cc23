using Dating.Contracts.Profiles;
using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Dating.Architecture.Tests.Violations;

// What a host must not contain: each type breaks the host rule in one way.
internal sealed class HostDbContext(DbContextOptions<HostDbContext> options) : DbContext(options);

internal sealed class HostConsumer : IConsumer<ProfileCreated>
{
    public Task Consume(ConsumeContext<ProfileCreated> context) => Task.CompletedTask;
}

internal sealed class HostHub : Hub;

internal static class HostEndpoints
{
    public static Ok<string> Hello() => TypedResults.Ok("hello");
}

internal sealed class HostRedisCache(IConnectionMultiplexer redis)
{
    public Task<RedisValue> ReadAsync(string key) => redis.GetDatabase().StringGetAsync(key);
}
