using Dating.Matching.Tests.Infrastructure;
using Dating.Testing;

namespace Dating.Matching.Tests.Shards;

/// <summary>The <c>shards</c> verbs refuse what they cannot do with one line and exit code 1, and change nothing.</summary>
public sealed class ShardsCommandTests(TwoOfThreeShards service) : IClassFixture<TwoOfThreeShards>
{
    [Theory]
    [InlineData("shards add: No connection string for matching-shard-9 (ConnectionStrings:matching-shard-N); configured: matching-shard-0, matching-shard-1, matching-shard-2.", "add", "matching-shard-9")]
    [InlineData("shards add: 'matching-shard-1' is already in the shard map (matching-shard-0, matching-shard-1).", "add", "matching-shard-1")]
    [InlineData("shards remove: 'matching-shard-2' is not in the shard map (matching-shard-0, matching-shard-1).", "remove", "matching-shard-2")]
    public async Task A_shard_that_cannot_be_added_or_removed_is_one_line_and_exit_code_1(string message, string verb, string shard)
    {
        var version = (await service.LatestMapAsync()).Version;

        var (exitCode, output, error) = await service.ShardsAsync("shards", verb, shard);

        exitCode.ShouldBe(1, output);
        error.ShouldBe(message + Environment.NewLine);
        (await service.LatestMapAsync()).Version.ShouldBe(version);
    }

    [Fact]
    public async Task List_shows_the_map_the_shards_with_their_swipes_and_the_replicas()
    {
        var (exitCode, output, _) = await service.ShardsAsync("shards", "list");

        exitCode.ShouldBe(0);
        output.ShouldContain("Shard map version 1 (Active)");
        output.ShouldContain("matching-shard-2");
        output.ShouldContain("configured, not in the map");
        output.Split('\n').Count(l => l.Contains("replica ", StringComparison.Ordinal)).ShouldBe(2);
    }
}

/// <summary>Without shard servers the one shard is the module's database, and it cannot be removed.</summary>
public sealed class OneShardCommandTests(MatchingService service) : IClassFixture<MatchingService>
{
    [Fact]
    public async Task The_last_shard_cannot_be_removed()
    {
        var (exitCode, _, error) = await ShardsCommandLine.RunAsync(service.Settings, "shards", "remove", "matching");

        exitCode.ShouldBe(1);
        error.ShouldBe("shards remove: 'matching' is the last shard; the swipes need one." + Environment.NewLine);
    }

    [Fact]
    public async Task Without_the_module_database_the_command_says_which_connection_string_is_missing()
    {
        var settings = service.Settings.Where(s => s.Key != "ConnectionStrings:matching").ToDictionary();

        var (exitCode, _, error) = await ShardsCommandLine.RunAsync(settings, "shards", "list");

        exitCode.ShouldBe(1);
        error.ShouldStartWith("shards list: ConnectionStrings:matching is not configured");
    }
}
