using System.Net;
using System.Net.Sockets;
using Dating.Testing;

namespace Dating.AppHost.Tests.Processes;

/// <summary>How the app host starts and stops as a process: Ctrl+C, a crash, and starts that cannot work.</summary>
public sealed class AppHostLifetimeTests
{
    private const string Ready = "The public API is ready at";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task After_kill_9_of_the_app_host_nothing_of_ours_survives_and_the_next_start_works_then_ctrl_c_stops_everything()
    {
        List<int> ours;
        using (var crashed = AppHostProcess.Start("--isolated", "--topology", "monolith"))
        {
            await crashed.WaitForOutputAsync(Ready, StartTimeout);
            ours = [.. crashed.ProcessesOfOurs()];
            ours.Count.ShouldBeGreaterThan(5, "the orchestrator, the dashboard, the servers and the monolith");

            crashed.Signal("KILL");
            // The issue's bound is 15 s; a CI run measured 6.8 s (README). The test allows more, because a CI machine that
            // runs test assemblies side by side stops every service more slowly; the time is in the fixture log.
            var killed = System.Diagnostics.Stopwatch.StartNew();
            await Eventually.GetAsync(() => AppHostProcess.Describe(ours.Where(AppHostProcess.IsAlive)), alive => alive.Length == 0,
                "every process of ours to be gone after kill -9", TimeSpan.FromSeconds(60));
            TestLog.Write($"kill -9 of the app host: every process of ours gone after {killed.Elapsed.TotalSeconds:0.0} s");
        }

        // The microservices this time: an isolated stack's RabbitMQ node is killed as the stack stops (its data goes
        // with the stack; RabbitMQ's graceful stop would wait 5 s), and nothing of the node may outlive it.
        using var next = AppHostProcess.Start("--isolated");
        await next.WaitForOutputAsync(Ready, StartTimeout);
        ours = [.. next.ProcessesOfOurs()];
        AppHostProcess.Describe(ours).ShouldContain("beam.smp", customMessage: "the RabbitMQ node");

        next.Signal("INT");
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        (await next.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBe(0, next.Output);
        TestLog.Write($"Ctrl+C of an isolated microservices stack: the app host exited after {stopping.Elapsed.TotalSeconds:0.0} s");
        await Eventually.GetAsync(() => AppHostProcess.Describe(ours.Where(AppHostProcess.IsAlive)), alive => alive.Length == 0,
            "every process of ours to be gone after Ctrl+C", TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task A_port_held_by_a_stranger_stops_the_start_with_one_line_naming_it()
    {
        // The dev stack's RabbitMQ management port, held here for the length of the test (unless someone already holds it).
        TcpListener? stranger = null;
        try
        {
            stranger = new TcpListener(IPAddress.Loopback, 15772);
            stranger.Start();
        }
        catch (SocketException)
        {
            stranger = null;
        }

        try
        {
            using var appHost = AppHostProcess.Start();
            (await appHost.WaitForExitAsync(TimeSpan.FromMinutes(2))).ShouldBe(2, appHost.Output);
            var lines = appHost.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var complaint = lines.Where(l => l.Contains("is in use", StringComparison.Ordinal)).ShouldHaveSingleItem(appHost.Output);
            complaint.ShouldMatch(@"^Port \d+ \(.+\) is in use");
            lines.ShouldNotContain(l => l.StartsWith("at ", StringComparison.Ordinal), "no stack trace");
        }
        finally
        {
            stranger?.Stop();
        }
    }

    [Fact]
    public async Task An_unknown_service_in_replicas_stops_the_start_with_one_line_naming_it()
    {
        using var appHost = AppHostProcess.Start("--isolated", "--replicas", "billing=2");

        (await appHost.WaitForExitAsync(TimeSpan.FromMinutes(2))).ShouldBe(2);
        appHost.Output.Trim().ShouldBe("--replicas: unknown service 'billing'. Services in this topology: profiles, photos, matching, chat.");
    }

    [Fact]
    public async Task A_server_that_cannot_be_installed_stops_the_start_with_one_line_naming_it()
    {
        // A PATH with none of the machine's programs: redis-server and node are missing, and so is apt-get to install them.
        var empty = Directory.CreateTempSubdirectory("dating-empty-path-");
        try
        {
            using var appHost = AppHostProcess.Start(new Dictionary<string, string> { ["PATH"] = empty.FullName }, "--isolated");

            (await appHost.WaitForExitAsync(TimeSpan.FromMinutes(3))).ShouldBe(1, appHost.Output);
            var lines = appHost.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var complaint = lines.Where(l => l.StartsWith("Cannot install the servers:", StringComparison.Ordinal)).ShouldHaveSingleItem(appHost.Output);
            complaint.ShouldMatch("(redis-server missing and this is not a Debian or Ubuntu machine)|(Azurite needs Node.js)", appHost.Output);
            lines.ShouldNotContain(l => l.StartsWith("at ", StringComparison.Ordinal), "no stack trace");
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
