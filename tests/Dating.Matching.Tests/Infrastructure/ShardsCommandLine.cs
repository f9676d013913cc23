using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Dating.Matching.Tests.Infrastructure;

/// <summary>
/// The Matching host's command line as an operator runs it beside the serving replicas (<c>dotnet run --project
/// src/Matching.Host -- shards …</c>): a host built with the module and the same configuration, never started.
/// </summary>
public static class ShardsCommandLine
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IDictionary<string, string?> settings, params string[] args)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddMatching();
        await using var app = builder.Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await app.RunCommandLineAsync(args, serve: _ => throw new InvalidOperationException("A verb was expected."), output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
