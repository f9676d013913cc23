using Dating.AppHost.Orchestration;

namespace Dating.AppHost.Tests.Stack;

// These tests kill, restart, add and remove replicas of their own stack only; each leaves it as it found it,
// so they run in any order.
public sealed class ConsistentHashTests(ConsistentHashStack fixture) : IClassFixture<ConsistentHashStack>
{
    private DistributedStack Stack => fixture.Stack;

    [Fact]
    public async Task A_users_requests_stick_to_one_replica_and_users_spread_over_every_replica()
    {
        var servedBy = await fixture.ServedByAsync(requestsPerUser: 5);

        var running = Stack.ReplicasOf(ConsistentHashStack.Service).Where(r => r.State == ReplicaState.Running).Select(r => r.Name);
        servedBy.Values.Distinct().ShouldBe(running, ignoreOrder: true, ConsistentHashStack.Describe(servedBy));
    }

    [Fact]
    public async Task Killing_a_replica_moves_only_its_users_with_no_failed_get_and_they_come_back_when_it_returns()
    {
        var ct = TestContext.Current.CancellationToken;
        var before = await fixture.ServedByAsync();
        var victim = Stack.ReplicasOf(ConsistentHashStack.Service).Single(r => r.Name == before[fixture.Users[0].UserId]);
        var itsUsers = before.Where(pair => pair.Value == victim.Name).Select(pair => pair.Key).ToHashSet();

        victim.Kill();
        // The active health check runs every second in tests; give it a few rounds to notice.
        await Task.Delay(TimeSpan.FromSeconds(4), ct);
        var whileDown = await fixture.ServedByAsync(requestsPerUser: 3);

        victim.State.ShouldBe(ReplicaState.Failed);
        whileDown[fixture.Users[0].UserId].ShouldNotBe(victim.Name);
        foreach (var (user, replica) in whileDown)
        {
            if (itsUsers.Contains(user))
            {
                replica.ShouldNotBe(victim.Name);
            }
            else
            {
                replica.ShouldBe(before[user], "a user of a replica that stayed up must not move");
            }
        }

        whileDown.Values.Where(replica => replica != victim.Name).Distinct().Count().ShouldBeGreaterThan(1, "the victim's users spread over the others");

        await victim.StartAsync(ct);
        await fixture.EventuallyServedByAsync(
            servedBy => servedBy.All(pair => pair.Value == before[pair.Key]),
            $"every user of {victim.Name} is back on it",
            TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_replica_added_at_run_time_takes_about_one_nth_of_the_users_all_from_the_others_without_a_gateway_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        var gatewayPid = Stack.Gateway.Pid;
        var before = await fixture.ServedByAsync();

        var added = await Stack.AddReplicaAsync(ConsistentHashStack.Service, ct);
        var after = await fixture.EventuallyServedByAsync(
            servedBy => servedBy.ContainsValue(added.Name), $"the gateway sends users to {added.Name}", TimeSpan.FromSeconds(20));

        var moved = after.Where(pair => pair.Value != before[pair.Key]).ToList();
        moved.ShouldAllBe(pair => pair.Value == added.Name, "a user moves only to the new replica, never between old ones");
        var replicas = Stack.ReplicasOf(ConsistentHashStack.Service).Count();
        replicas.ShouldBe(4);
        // About 1/N of the users (10 of 40): far from the 3/4 a hash mod N would move.
        moved.Count.ShouldBeInRange(1, fixture.Users.Count / 2, ConsistentHashStack.Describe(after));
        Stack.Gateway.Pid.ShouldBe(gatewayPid);

        var removed = await Stack.RemoveReplicaAsync(ConsistentHashStack.Service, ct);
        removed.ShouldBeSameAs(added);
        removed.State.ShouldBe(ReplicaState.Stopped);
        var afterRemoval = await fixture.ServedByAsync();
        afterRemoval.ShouldBe(before, "removing the replica gives its users back to where they were");
    }
}
