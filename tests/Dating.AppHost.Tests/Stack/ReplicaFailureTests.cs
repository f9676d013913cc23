using System.Net;
using Dating.AppHost.Orchestration;
using Dating.AppHost.Processes;
using Dating.Testing;

namespace Dating.AppHost.Tests.Stack;

// Each test kills processes, so each has its own stack.
public sealed class ReplicaFailureTests(BackingServicesFixture backing)
{
    [Fact]
    public async Task The_gateway_stops_sending_to_a_killed_replica_and_after_stop_nothing_is_left()
    {
        var ct = TestContext.Current.CancellationToken;
        var stack = await TestStacks.StartAsync(backing, new Dictionary<string, int> { ["profiles"] = 2 }, restartCrashed: false, ct: ct);
        int[] pids = [.. stack.Replicas.Append(stack.Gateway).Select(r => r.Pid ?? 0)];
        try
        {
            using var client = new HttpClient { BaseAddress = stack.PublicUrl };
            var user = await TestUsers.RegisterAsync(client, ct: ct);
            client.WithToken(user.Token);

            stack.Replica("profiles", 1).Kill();
            // The active health check runs every second in tests; give it a few rounds to notice.
            await Task.Delay(TimeSpan.FromSeconds(4), ct);

            for (var i = 0; i < 20; i++)
            {
                using var response = await client.GetAsync("/api/auth/session", ct);
                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                Served.By(response).ShouldBe("profiles-0");
            }

            stack.Replica("profiles", 1).State.ShouldBe(ReplicaState.Failed);
        }
        finally
        {
            await stack.StopAsync();
        }

        pids.ShouldAllBe(pid => pid > 0 && !Signals.IsAlive(pid));
    }

    [Fact]
    public async Task A_replica_that_dies_unexpectedly_is_restarted_and_serves_again()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var stack = await TestStacks.StartAsync(backing, restartCrashed: true, ct: ct);
        var replica = stack.Replica("profiles", 0);
        var firstPid = replica.Pid;

        replica.Kill();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (replica is not { State: ReplicaState.Running, Restarts: 1 } && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, ct);
        }

        replica.Restarts.ShouldBe(1);
        replica.State.ShouldBe(ReplicaState.Running);
        replica.Pid.ShouldNotBe(firstPid);
        firstPid!.Value.ShouldSatisfyAllConditions(pid => Signals.IsAlive(pid).ShouldBeFalse());

        using var client = new HttpClient { BaseAddress = stack.PublicUrl };
        var user = await TestUsers.RegisterAsync(client, ct: ct);
        user.Token.ShouldNotBeNullOrEmpty();
    }
}
