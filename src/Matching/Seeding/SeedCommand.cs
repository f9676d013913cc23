using Microsoft.Extensions.Hosting;

namespace Dating.Matching.Seeding;

/// <summary>The host's <c>seed &lt;count&gt; [randomSeed]</c> verb: synthetic users for load tests, then exit without serving.</summary>
public static class SeedCommand
{
    public static bool IsSeedCommand(string[] args) => args is ["seed", ..];

    /// <returns>The process exit code.</returns>
    public static async Task<int> RunSeedCommandAsync(this IHost host, string[] args)
    {
        if (args is not ["seed", var countText, ..] || !int.TryParse(countText, out var count) || count < 0)
        {
            await Console.Error.WriteLineAsync("usage: seed <count> [randomSeed] [--ConnectionStrings:matching=...]");
            return 2;
        }

        int? randomSeed = args.Length > 2 && int.TryParse(args[2], out var parsed) ? parsed : null;
        await host.Services.SeedMatchingAsync(count, randomSeed, Console.Out);
        return 0;
    }
}
