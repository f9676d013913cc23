using System.Net;
using Dating.Gateway.Health;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Dating.Gateway.Tests.Health;

public sealed class ReplicaHealthPolicyTests
{
    private readonly RecordingUpdater _updater = new();
    private readonly ClusterState _cluster = new("matching");
    private readonly DestinationState _replica = new("matching/http/1");

    private readonly FakeLogger<ReplicaHealthPolicy> _log = new();

    private ReplicaHealthPolicy Policy => new(_updater, _log);

    [Fact]
    public void A_replica_that_never_answered_is_out_at_its_first_failed_probe()
    {
        var policy = Policy;

        policy.ProbingCompleted(_cluster, [Refused(_replica)]);

        _updater.Last(_replica).ShouldBe(DestinationHealth.Unhealthy);
    }

    [Fact]
    public void A_replica_that_answered_before_stays_in_until_failures_in_a_row_reach_the_threshold()
    {
        var policy = Policy;
        policy.ProbingCompleted(_cluster, [Answered(_replica)]);
        _replica.Health.Active = _updater.Last(_replica);

        policy.ProbingCompleted(_cluster, [Refused(_replica)]);
        _updater.Last(_replica).ShouldBe(DestinationHealth.Healthy, "one failed probe is not enough");
        _replica.Health.Active = _updater.Last(_replica);

        policy.ProbingCompleted(_cluster, [Refused(_replica)]);
        _updater.Last(_replica).ShouldBe(DestinationHealth.Unhealthy);
    }

    [Fact]
    public void A_started_spare_is_taken_in_at_its_first_answer_and_its_failure_count_starts_again()
    {
        var policy = Policy;
        policy.ProbingCompleted(_cluster, [Refused(_replica)]);
        _replica.Health.Active = _updater.Last(_replica);

        policy.ProbingCompleted(_cluster, [Answered(_replica)]);
        _updater.Last(_replica).ShouldBe(DestinationHealth.Healthy);
        _replica.Health.Active = DestinationHealth.Healthy;

        policy.ProbingCompleted(_cluster, [Refused(_replica)]);
        _updater.Last(_replica).ShouldBe(DestinationHealth.Healthy);
    }

    [Fact]
    public void An_error_status_counts_as_a_failure()
    {
        Policy.ProbingCompleted(_cluster, [new DestinationProbingResult(_replica, new HttpResponseMessage(HttpStatusCode.ServiceUnavailable), null)]);

        _updater.Last(_replica).ShouldBe(DestinationHealth.Unhealthy);
    }

    [Fact]
    public void A_spare_that_never_answers_is_logged_once_not_at_every_probe()
    {
        var policy = Policy;

        for (var probe = 0; probe < 5; probe++)
        {
            policy.ProbingCompleted(_cluster, [Refused(_replica)]);
            _replica.Health.Active = _updater.Last(_replica);
        }

        var entry = _log.Collector.GetSnapshot().ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Information);
        entry.Message.ShouldContain("matching/http/1 of matching has not answered its health probe yet (Connection refused)");
    }

    [Fact]
    public void A_replica_that_stops_answering_is_logged_once_as_out_of_rotation_and_once_as_back()
    {
        var policy = Policy;
        foreach (var answered in new[] { true, false, false, false, false, true, true })
        {
            policy.ProbingCompleted(_cluster, [answered ? Answered(_replica) : Refused(_replica)]);
            _replica.Health.Active = _updater.Last(_replica);
        }

        var entries = _log.Collector.GetSnapshot();
        entries.Select(e => e.Level).ShouldBe([LogLevel.Warning, LogLevel.Information]);
        entries[0].Message.ShouldBe($"matching/http/1 of matching is out of rotation after {ReplicaHealthPolicy.Threshold} failed health probes in a row (Connection refused)");
        entries[1].Message.ShouldBe("matching/http/1 of matching answers its health probe: in rotation");
    }

    private static DestinationProbingResult Answered(DestinationState destination) =>
        new(destination, new HttpResponseMessage(HttpStatusCode.OK), null);

    private static DestinationProbingResult Refused(DestinationState destination) =>
        new(destination, null, new HttpRequestException("Connection refused"));

    private sealed class RecordingUpdater : IDestinationHealthUpdater
    {
        private readonly Dictionary<DestinationState, DestinationHealth> _active = [];

        public DestinationHealth Last(DestinationState destination) => _active[destination];

        public void SetActive(ClusterState cluster, IEnumerable<NewActiveDestinationHealth> newHealthStates)
        {
            foreach (var state in newHealthStates)
            {
                _active[state.Destination] = state.NewActiveHealth;
            }
        }

        public void SetPassive(ClusterState cluster, DestinationState destination, DestinationHealth newHealth, TimeSpan reactivationPeriod) =>
            throw new NotSupportedException();
    }
}
