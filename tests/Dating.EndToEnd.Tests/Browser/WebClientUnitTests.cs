using System.Diagnostics;

namespace Dating.EndToEnd.Tests.Browser;

/// <summary>The web client's own Vitest suite, run by <c>dotnet test</c> so a failing client test fails the build's tests.</summary>
public sealed class WebClientUnitTests
{
    [Fact]
    public async Task The_web_client_unit_tests_pass()
    {
        var app = RepositoryFolder.WebClientApp;
        File.Exists(Path.Combine(app, "node_modules", ".bin", "vitest"))
            .ShouldBeTrue($"{app}/node_modules is not installed: build the solution (dotnet build runs npm ci there).");

        var start = new ProcessStartInfo("npm", ["test", "--silent", "--", "--reporter=dot"])
        {
            WorkingDirectory = app,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["CI"] = "true";
        start.Environment["NO_COLOR"] = "1";
        using var npm = Process.Start(start)!;
        var output = npm.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = npm.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        await npm.WaitForExitAsync(timeout.Token);

        var log = await output + await errors;
        TestContext.Current.TestOutputHelper?.WriteLine(log);
        npm.ExitCode.ShouldBe(0, $"vitest failed:\n{log}");
        log.ShouldMatch(@"Tests\s+\d+ passed", "vitest ran no test");
    }
}
