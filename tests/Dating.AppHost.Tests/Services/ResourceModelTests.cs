using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace Dating.AppHost.Tests.Services;

/// <summary>
/// The app host's model, built but not started: every service's replicas, what each waits for (a database, and so its
/// server), and the gateway in front.
/// </summary>
public sealed class ResourceModelTests
{
    [Fact]
    public async Task The_microservices_are_each_module_s_replicas_on_its_own_database_behind_the_gateway()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Dating_AppHost>(
            ["--isolated", "--spares", "1", "--replicas", "matching=2"], TestContext.Current.CancellationToken);

        builder.Resources.OfType<ProjectResource>().Select(Describe).ShouldBe([
            "profiles-0 → postgres, profiles, redis, rabbitmq",
            "profiles-1 (spare) → postgres, profiles, redis, rabbitmq",
            "photos-0 → postgres, photos, redis, rabbitmq, azurite",
            "photos-1 (spare) → postgres, photos, redis, rabbitmq, azurite",
            "matching-0 → postgres, matching, redis, rabbitmq, matching-shard-0, matching-shard-0-swipes, matching-shard-1, matching-shard-1-swipes",
            "matching-1 → postgres, matching, redis, rabbitmq, matching-shard-0, matching-shard-0-swipes, matching-shard-1, matching-shard-1-swipes",
            "matching-2 (spare) → postgres, matching, redis, rabbitmq, matching-shard-0, matching-shard-0-swipes, matching-shard-1, matching-shard-1-swipes",
            "chat-0 → postgres, chat, redis, rabbitmq",
            "chat-1 (spare) → postgres, chat, redis, rabbitmq",
            "gateway → redis, profiles-0, photos-0, matching-0, matching-1, chat-0",
        ]);
    }

    [Fact]
    public async Task Matching_gets_one_PostgreSQL_server_per_swipe_shard_and_the_monolith_none()
    {
        await using var sharded = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Dating_AppHost>(
            ["--isolated", "--shards", "3"], TestContext.Current.CancellationToken);
        await using var monolith = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Dating_AppHost>(
            ["--isolated", "--topology", "monolith", "--shards", "3"], TestContext.Current.CancellationToken);

        sharded.Resources.OfType<ExecutableResource>().Select(r => r.Name).Where(name => name.Contains("-shard-", StringComparison.Ordinal))
            .ShouldBe(["matching-shard-0", "matching-shard-1", "matching-shard-2"]);
        var matching = sharded.Resources.OfType<ProjectResource>().Single(p => p.Name == "matching-0");
        matching.Annotations.OfType<WaitAnnotation>().Select(wait => wait.Resource.Name).Where(name => name.Contains("-shard-", StringComparison.Ordinal))
            .ShouldBe(["matching-shard-0", "matching-shard-0-swipes", "matching-shard-1", "matching-shard-1-swipes", "matching-shard-2", "matching-shard-2-swipes"]);
        monolith.Resources.ShouldNotContain(r => r.Name.Contains("-shard-", StringComparison.Ordinal));
    }

    private static string Describe(ProjectResource project) =>
        $"{project.Name}{(project.Annotations.OfType<ExplicitStartupAnnotation>().Any() ? " (spare)" : "")} → "
        + string.Join(", ", project.Annotations.OfType<WaitAnnotation>().Select(wait => wait.Resource.Name));
}
