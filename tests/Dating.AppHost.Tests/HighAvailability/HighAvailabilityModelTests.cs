using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Dating.AppHost.Hosting;

namespace Dating.AppHost.Tests.HighAvailability;

/// <summary>The app host's model with and without <c>--ha</c>, built but not started.</summary>
public sealed class HighAvailabilityModelTests
{
    [Fact]
    public async Task With_ha_redis_is_two_servers_and_three_sentinels_and_every_service_connects_through_the_sentinels()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Dating_AppHost>(["--isolated", "--ha"], TestContext.Current.CancellationToken);

        var redis = builder.Resources.OfType<RedisSentinelSetResource>().ShouldHaveSingleItem();
        redis.Name.ShouldBe("redis");
        builder.Resources.OfType<RedisServerResource>().Select(server => server.Name).ShouldBe(["redis-0", "redis-1"]);
        builder.Resources.OfType<RedisSentinelResource>().Select(sentinel => sentinel.Name).ShouldBe(["redis-sentinel-0", "redis-sentinel-1", "redis-sentinel-2"]);
        var connectionString = await redis.ConnectionStringExpression.GetValueAsync(TestContext.Current.CancellationToken);
        connectionString.ShouldBe(string.Join(',', redis.SentinelPorts.Select(port => $"127.0.0.1:{port}")) + ",serviceName=dating");
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            project.Annotations.OfType<WaitAnnotation>().Select(wait => wait.Resource).ShouldContain(redis, $"{project.Name} waits for the Sentinels");
        }
    }

    [Fact]
    public async Task With_ha_the_main_postgres_is_a_patroni_cluster_of_two_nodes_that_services_reach_through_a_multi_host_connection_string()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Dating_AppHost>(["--isolated", "--ha"], ct);

        var cluster = builder.Resources.OfType<PatroniClusterResource>().ShouldHaveSingleItem();
        cluster.Name.ShouldBe("postgres");
        builder.Resources.OfType<PatroniNodeResource>().Select(node => node.Name).ShouldBe(["postgres-0", "postgres-1"]);
        builder.Resources.OfType<EtcdResource>().ShouldHaveSingleItem().Name.ShouldBe("postgres-etcd");
        var profiles = builder.Resources.OfType<PostgresDatabaseResource>().Single(database => database.Name == "profiles");
        profiles.Parent.ShouldBe(cluster);
        (await profiles.ConnectionStringExpression.GetValueAsync(ct)).ShouldBe(
            $"Host=127.0.0.1:{cluster.PostgresPorts[0]},127.0.0.1:{cluster.PostgresPorts[1]};Username=postgres;Target Session Attributes=read-write;Host Recheck Seconds=2;Database=profiles");
        // Matching's swipe shards stay single servers.
        builder.Resources.OfType<PostgresServerResource>().Select(server => server.Name).ShouldAllBe(name => name.StartsWith("matching-shard-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_ha_redis_is_one_server_and_there_is_no_sentinel()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Dating_AppHost>(["--isolated"], TestContext.Current.CancellationToken);

        builder.Resources.OfType<RedisServerResource>().ShouldHaveSingleItem().Name.ShouldBe("redis");
        builder.Resources.OfType<RedisSentinelSetResource>().ShouldBeEmpty();
        builder.Resources.OfType<RedisSentinelResource>().ShouldBeEmpty();
        builder.Resources.OfType<PostgresServerResource>().ShouldContain(server => server.Name == "postgres");
        builder.Resources.OfType<PatroniNodeResource>().ShouldBeEmpty();
    }
}
