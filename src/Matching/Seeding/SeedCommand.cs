using System.CommandLine;
using System.CommandLine.Parsing;
using Microsoft.Extensions.Hosting;

namespace Dating.Matching.Seeding;

/// <summary>The host's <c>seed &lt;count&gt; [randomSeed]</c> verb: synthetic users for load tests, then exit without serving.</summary>
public static class SeedCommand
{
    public static Command Create(IHost host)
    {
        var count = new Argument<int>("count") { Description = "how many synthetic users to add", CustomParser = ParseCount };
        var randomSeed = new Argument<int?>("randomSeed")
        {
            Description = "the same seed makes the same users (default: random)",
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = ParseRandomSeed,
        };
        var command = new Command("seed", "Adds synthetic users to the matching database (ConnectionStrings:matching), then exits.")
        {
            count, randomSeed,
        };

        // What follows the arguments is the host's configuration, e.g. --ConnectionStrings:matching=...
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(result => host.Services.SeedMatchingAsync(result.GetValue(count), result.GetValue(randomSeed), result.InvocationConfiguration.Output));
        return command;
    }

    private static int ParseCount(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (!int.TryParse(text, out var count) || count < 0)
        {
            result.AddError($"seed: the count must be a whole number, 0 or more, not '{text}'.");
        }

        return count;
    }

    // Anything but a number is not the random seed but the host's configuration.
    private static int? ParseRandomSeed(ArgumentResult result)
    {
        if (result.Tokens is [var token] && int.TryParse(token.Value, out var randomSeed))
        {
            return randomSeed;
        }

        result.OnlyTake(0);
        return null;
    }
}
