using System.CommandLine;
using Dating.Matching.Seeding;
using Dating.Matching.Shards;
using Microsoft.Extensions.Hosting;

namespace Dating.Matching;

/// <summary>The Matching host's command line: without a verb it serves; a verb runs against the host's services and exits.</summary>
public static class MatchingCommandLine
{
    /// <summary>Which command <paramref name="args"/> name, with its values; whatever is not the command's is the host's.</summary>
    public static ParseResult Parse(IHost host, IReadOnlyList<string> args, Func<CancellationToken, Task> serve)
    {
        var root = new RootCommand("The Matching service. Without a command it serves; ASP.NET's options and configuration "
            + "(--urls, Key=Value, --Key=Value) pass through to the host.")
        {
            SeedCommand.Create(host),
            ShardsCommand.Create(host),
        };
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction((_, ct) => serve(ct));

        // Every token may be configuration, so none is read as a response file (@file).
        return root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
    }

    /// <summary>Runs <paramref name="serve"/>, or the verb <paramref name="args"/> name; a mistake is one line and exit code 2.</summary>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunCommandLineAsync(
        this IHost host, IReadOnlyList<string> args, Func<CancellationToken, Task> serve, TextWriter? output = null, TextWriter? error = null)
    {
        var result = Parse(host, args, serve);
        error ??= Console.Error;
        if (result.Errors.Count > 0)
        {
            await error.WriteLineAsync($"{result.Errors[0].Message} Try --help.");
            return 2;
        }

        // The host handles Ctrl+C itself, and an exception ends the process as it would without a command line.
        return await result.InvokeAsync(new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error,
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        });
    }
}
