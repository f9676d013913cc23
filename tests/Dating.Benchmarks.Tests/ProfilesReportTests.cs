using Dating.Benchmarks.Comparison;
using Dating.Benchmarks.Load;
using Dating.Benchmarks.Scenarios;

namespace Dating.Benchmarks.Tests;

/// <summary>The profiles report: each variant's gateway is set against the gateway as it ships, beside the fixed comparisons.</summary>
public sealed class ProfilesReportTests
{
    [Fact]
    public void A_variant_s_gateway_gets_its_own_ratio_to_the_gateway_as_it_ships()
    {
        var variant = RuntimeVariant.Parse("gw-inline:gateway/DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1", out _).ShouldNotBeNull();
        const string read = "public profile (cached): 1000/s";
        LoadResult Result(string target, double p50, double cpu) => new(read, target, 1000, 0, 1, p50, p50, 2 * p50, 3 * p50, cpu);

        var markdown = ProfilesReport.Render(
        [
            Result("direct", 2.0, 0.30),
            Result("gateway", 2.8, 0.60),
            Result(ProfilesBenchmark.CheckedTwice, 2.9, 0.66),
            Result(ProfilesBenchmark.GatewayUnder(variant), 2.1, 0.45),
        ], "header");

        markdown.ShouldContain("| scenario | gateway ÷ direct: throughput | p50 | p99 | CPU per request |");
        markdown.ShouldContain("| scenario | gateway [gw-inline] ÷ gateway: throughput | p50 | p99 | CPU per request |");
        markdown.ShouldContain($"| {read} | 1.00 | 0.75 | 0.75 | 0.75 |");
        markdown.ShouldContain($"| {read} | gateway [gw-inline] | 1000 | 2.10 |");
    }
}
