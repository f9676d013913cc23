using System.Net;
using Dating.AppHost.Hosting;
using Dating.BuildingBlocks.Modules;
using Dating.Stacks;

namespace Dating.AppHost.Tests.Stacks;

// These tests kill, restart, start and stop replicas of their own stack only; each leaves it as it found it,
// so they run in any order.
public sealed class ConsistentHashTests(ConsistentHashStack fixture) : IClassFixture<ConsistentHashStack>
{
    [Fact]
    public async Task A_users_requests_stick_to_one_replica_and_users_spread_over_every_running_replica()
    {
        var servedBy = await fixture.ServedByAsync(requestsPerUser: 5);

        servedBy.Values.Distinct().ShouldBe(ConsistentHashStack.Running, ignoreOrder: true, ConsistentHashStack.Describe(servedBy));
    }

    [Fact]
    public async Task A_killed_replica_moves_only_its_users_with_no_failed_get_and_they_come_back_when_the_dashboard_starts_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var before = await fixture.ServedByAsync();
        var victim = before[fixture.Users[0].UserId];
        var itsUsers = before.Where(pair => pair.Value == victim).Select(pair => pair.Key).ToHashSet();

        // kill -9, as a crash would: Aspire does not restart it, the gateway's health checks take it out.
        System.Diagnostics.Process.GetProcessById(ListeningProcess.Of(fixture.Stack.UrlOf(victim).Port)).Kill();
        var whileDown = await fixture.EventuallyServedByAsync(
            servedBy => !servedBy.ContainsValue(victim), $"no user is served by {victim}", TimeSpan.FromSeconds(30));

        foreach (var (user, replica) in whileDown)
        {
            replica.ShouldBe(itsUsers.Contains(user) ? replica : before[user], "a user of a replica that stayed up must not move");
        }

        whileDown.Where(pair => itsUsers.Contains(pair.Key)).Select(pair => pair.Value).Distinct().Count()
            .ShouldBeGreaterThan(1, "the victim's users spread over the others");

        await fixture.Stack.StartResourceAsync(victim, ct);
        await fixture.EventuallyServedByAsync(
            servedBy => servedBy.All(pair => pair.Value == before[pair.Key]), $"every user of {victim} is back on it", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_spare_started_from_the_dashboard_takes_about_one_nth_of_the_users_all_from_the_others_and_gives_them_back_when_stopped()
    {
        var ct = TestContext.Current.CancellationToken;
        var gatewayPid = ListeningProcess.Of(fixture.Stack.PublicUrl.Port);
        var before = await fixture.ServedByAsync();
        before.Values.ShouldNotContain(ConsistentHashStack.Spare, "a spare that was never started serves no one");

        await fixture.Stack.StartResourceAsync(ConsistentHashStack.Spare, ct);
        var after = await fixture.EventuallyServedByAsync(
            servedBy => servedBy.ContainsValue(ConsistentHashStack.Spare), $"the gateway sends users to {ConsistentHashStack.Spare}", TimeSpan.FromSeconds(20));

        var moved = after.Where(pair => pair.Value != before[pair.Key]).ToList();
        moved.ShouldAllBe(pair => pair.Value == ConsistentHashStack.Spare, "a user moves only to the new replica, never between old ones");
        // About 1/N of the users (10 of 40): far from the 3/4 a hash mod N would move.
        moved.Count.ShouldBeInRange(1, fixture.Users.Count / 2, ConsistentHashStack.Describe(after));
        ListeningProcess.Of(fixture.Stack.PublicUrl.Port).ShouldBe(gatewayPid, "the gateway followed without a restart");

        await fixture.Stack.StopResourceAsync(ConsistentHashStack.Spare, ct);
        await fixture.EventuallyServedByAsync(
            servedBy => servedBy.All(pair => pair.Value == before[pair.Key]), "stopping the spare gives its users back to where they were", TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task The_gateway_reaches_every_replica_over_http2_on_its_h2c_port_and_the_replica_still_serves_http1_on_its_own()
    {
        var ct = TestContext.Current.CancellationToken;
        await fixture.ServedByAsync(requestsPerUser: 1);
        var gatewayPid = ListeningProcess.Of(fixture.Stack.PublicUrl.Port);
        using var client = new HttpClient();

        foreach (var replica in ConsistentHashStack.Running)
        {
            var h2c = fixture.Stack.UrlOf(replica, ServiceEndpoints.Http2);
            var http = fixture.Stack.UrlOf(replica);
            h2c.Port.ShouldNotBe(http.Port);
            using (var overHttp2 = await client.SendAsync(Health(h2c, HttpVersion.Version20), ct))
            {
                overHttp2.StatusCode.ShouldBe(HttpStatusCode.OK);
                overHttp2.Version.ShouldBe(HttpVersion.Version20);
            }

            using (var overHttp1 = await client.SendAsync(Health(http, HttpVersion.Version11), ct))
            {
                overHttp1.StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            // Kestrel's answer on a port that speaks HTTP/2 alone: "An HTTP/1.x request was sent to an HTTP/2 only endpoint."
            using (var http1OnH2c = await client.SendAsync(Health(h2c, HttpVersion.Version11), ct))
            {
                http1OnH2c.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the h2c port speaks HTTP/2 alone");
            }

            ListeningProcess.ClientsOf(h2c.Port).ShouldContain(gatewayPid, $"the gateway forwards to {replica} on its HTTP/2 port");
            ListeningProcess.ClientsOf(http.Port).ShouldNotContain(gatewayPid, $"the gateway never uses {replica}'s HTTP/1.1 port");
        }
    }

    [Fact]
    public async Task Every_replica_and_the_gateway_is_the_process_DCP_started_with_no_dotnet_run_beside_it()
    {
        await fixture.ServedByAsync(requestsPerUser: 1);

        foreach (var resource in ConsistentHashStack.Running.Append("gateway"))
        {
            // Aspire's own launch is dotnet run, whose process DCP would report while the app listens as its child.
            var pid = fixture.Stack.PidOf(resource);
            pid.ShouldBe(ListeningProcess.Of(fixture.Stack.UrlOf(resource).Port), $"{resource}: the process DCP started serves its port");
            var commandLine = LocalProcesses.ArgumentsOf(pid);
            commandLine.ShouldNotContain("run", $"{resource}: {string.Join(' ', commandLine)}");
        }
    }

    private static HttpRequestMessage Health(Uri replica, Version version) =>
        new(HttpMethod.Get, new Uri(replica, "/health")) { Version = version, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
}
