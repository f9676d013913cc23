using System.Text;
using CliWrap;
using CliWrap.Buffered;

namespace Dating.Deployment.Tests.Smoke;

/// <summary>The programs the smoke test drives (podman, debootstrap, dotnet publish, socat), with what they printed kept for the failure message.</summary>
internal static class Shell
{
    /// <summary>Runs <paramref name="program"/> to its end; returns its standard output, or throws with the tail of both outputs.</summary>
    public static async Task<string> RunAsync(
        string program, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment = null, string? input = null)
    {
        using var cts = new CancellationTokenSource(timeout);
        var command = Cli.Wrap(program).WithArguments(arguments).WithValidation(CommandResultValidation.None)
            .WithEnvironmentVariables((environment ?? new Dictionary<string, string?>()).ToDictionary());
        if (input is not null)
        {
            command = command.WithStandardInputPipe(PipeSource.FromString(input));
        }

        BufferedCommandResult result;
        try
        {
            result = await command.ExecuteBufferedAsync(Encoding.UTF8, cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"'{Describe(program, arguments)}' did not finish within {timeout}.");
        }

        return result.IsSuccess
            ? result.StandardOutput
            : throw new InvalidOperationException(
                $"'{Describe(program, arguments)}' failed ({result.ExitCode}):\n{Tail(result.StandardError)}\n{Tail(result.StandardOutput)}");
    }

    /// <summary>Starts a long-running <paramref name="program"/>; disposing the result kills it.</summary>
    public static IAsyncDisposable Start(string program, IEnumerable<string> arguments)
    {
        var stop = new CancellationTokenSource();
        var output = new StringBuilder();
        var task = Cli.Wrap(program).WithArguments(arguments).WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(output)).WithStandardErrorPipe(PipeTarget.ToStringBuilder(output))
            .ExecuteAsync(stop.Token);
        return new Running(stop, task);
    }

    private static string Describe(string program, IEnumerable<string> arguments) => $"{program} {string.Join(' ', arguments)}";

    private static string Tail(string text) => string.Join('\n', text.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(20));

    private sealed class Running(CancellationTokenSource stop, CommandTask<CommandResult> task) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            try
            {
                await task;
            }
            catch (OperationCanceledException)
            {
                // Killed, as asked.
            }

            stop.Dispose();
        }
    }
}
