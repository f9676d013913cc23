using System.Diagnostics;
using Dating.AppHost.Hosting;
using Dating.Benchmarks.Api;
using Dating.Benchmarks.Comparison;
using Dating.Benchmarks.Load;
using Dating.Benchmarks.Reports;
using Dating.Benchmarks.Stacks;
using Dating.Stacks;

namespace Dating.Benchmarks.Faults;

/// <summary>
/// The fault run: one stack of the settings' topology, users visiting at a fixed rate through the public API with every
/// acknowledged write recorded, and one fault after another under that load. After each, the load stops and the
/// invariants are checked against the databases, the broker and the users' own views until they hold or the settle
/// time runs out; the history keeps growing, so every check covers every fault so far.
/// </summary>
public sealed class FaultBenchmark(FaultSettings settings, Action<string> log)
{
    private static readonly TimeSpan SettlePoll = TimeSpan.FromSeconds(1);

    // How often the outbox counts are polled during a redelivery (each poll is one query per module).
    private static readonly TimeSpan QuickPoll = TimeSpan.FromMilliseconds(200);

    private static readonly TimeSpan GatewayTakesOut = 2 * TimeSpan.FromSeconds(5) + TimeSpan.FromSeconds(3);

    // Patroni promotes within its ttl (10 s) and a restarted node streams again within about 20 s (AppHost/README.md).
    private static readonly TimeSpan ClusterWait = TimeSpan.FromSeconds(90);

    private static readonly IReadOnlyDictionary<string, int> NothingRepublished = new Dictionary<string, int>();

    public async Task<IReadOnlyList<FaultResult>> RunAsync(CancellationToken ct)
    {
        await using var stack = await BenchmarkStack.StartAsync(log, ct, settings.Replicas, topology: settings.Topology, durable: true, highAvailability: settings.HighAvailability);
        using var http = GatewayClient.CreateHttpClient();
        var api = new GatewayClient(http, stack.PublicUrl);
        var history = new FaultHistory();
        log($"registering {settings.Users} users and matching them in pairs");
        await using var users = await FaultUsers.CreateAsync(api, settings.Users, history, ct);
        var observer = new StackObserver(stack, api, users, http);
        var runId = Guid.NewGuid().ToString("N")[..8];

        var results = new List<FaultResult>();
        var visits = 0;
        foreach (var fault in settings.Faults)
        {
            var steps = new StepLog();
            var load = new FaultLoad(api, users, history, steps, runId, ct);
            using var stop = new CancellationTokenSource();
            var offset = visits;
            var stoppedFirst = await RunAloneAsync(stack, fault, ct);
            if (fault.Asynchronous)
            {
                await ReplicateAsync(stack.Patroni, synchronous: false, ct);
            }

            log(ReportFile.Invariant($"{fault.Name}: {settings.VisitsPerSecond}/s visits, the fault after {settings.Before.TotalSeconds:0} s, ")
                + (fault.Kind == FaultKind.Redeliver ? "nothing down" : ReportFile.Invariant($"down for {settings.DownOf(fault).TotalSeconds:0} s")));
            var running = LoadGenerator.OpenAsync((i, _) => load.VisitAsync(offset + i), settings.VisitsPerSecond, Timeout.InfiniteTimeSpan, ct, stop.Token);

            await Task.Delay(settings.Before, ct);
            var (killedAt, republished) = await InjectAsync(stack, fault, load, observer, ct);
            var backAt = Stopwatch.GetTimestamp();
            log(ReportFile.Invariant($"{fault.Resource} {(fault.Kind == FaultKind.Redeliver ? "sent again" : "healthy again")} {Stopwatch.GetElapsedTime(killedAt).TotalSeconds:0.0} s after the fault"));
            await Task.Delay(settings.After, ct);
            await stop.CancelAsync();
            var (latency, _, _) = await running;
            visits += (int)latency.TotalCount;

            var (settled, invariants) = await SettleAsync(observer, history, ct);
            var result = Measure(fault, steps, killedAt, backAt, settled, invariants) with { StoppedFirst = stoppedFirst, Republished = republished };
            log(ReportFile.Invariant($"{fault.Name}: failed {result.Before.Failed}/{result.Before.Requests} before, {result.During.Failed}/{result.During.Requests} while down, {result.After.Failed}/{result.After.Requests} after; ")
                + (result.InvariantsHold ? ReportFile.Invariant($"every invariant holds (settled after {settled:0.0} s)") : $"broken: {string.Join("; ", invariants.Where(i => !i.Holds).Select(i => i.Name))}"));
            results.Add(result);
            foreach (var replica in stoppedFirst)
            {
                await stack.StartResourceAsync(replica, ct);
            }

            if (fault.Asynchronous)
            {
                await ReplicateAsync(stack.Patroni, synchronous: true, ct);
            }
        }

        return results;
    }

    // The fault, the down time, and its end: a killed resource started again (returns once healthy), a frozen one thawed,
    // a re-published outbox sent again. Returns when the fault struck, and what a redelivery marked unsent.
    private async Task<(long StruckAt, IReadOnlyDictionary<string, int> Republished)> InjectAsync(BenchmarkStack stack, Fault fault, FaultLoad load, StackObserver observer, CancellationToken ct)
    {
        Task? uploads = null;
        if (fault.PhotoBatch > 0)
        {
            var halfAccepted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            uploads = load.UploadBatchAsync(fault.PhotoBatch, halfAccepted);
            await halfAccepted.Task.WaitAsync(ct);
        }

        var struckAt = Stopwatch.GetTimestamp();
        switch (fault.Kind)
        {
            case FaultKind.KillServer:
                stack.KillServer(fault.Resource);
                break;
            case FaultKind.KillReplica or FaultKind.KillOnlyReplica:
                stack.Kill(stack.Current(fault.Resource));
                break;
            case FaultKind.KillPrimary or FaultKind.KillStandby:
                return (await KillPostgresNodeAsync(stack, fault, ct), NothingRepublished);
            case FaultKind.Redeliver:
                var marked = await observer.MarkOutboxUnsentAsync(ct);
                log(ReportFile.Invariant($"{marked.Values.Sum()} sent events marked unsent ({string.Join(", ", marked.Select(m => $"{m.Key} {m.Value}"))})"));
                while (await observer.UnsentEventsAsync(ct) > 0)
                {
                    await Task.Delay(QuickPoll, ct);
                }

                return (struckAt, marked);
            default:
                var frozen = stack.Current(fault.Resource);
                ProcessSignal.Send(frozen.Pid, "STOP", frozen.Name);
                try
                {
                    await Task.Delay(settings.DownOf(fault), ct);
                }
                finally
                {
                    ProcessSignal.Send(frozen.Pid, "CONT", frozen.Name);
                }

                return (struckAt, NothingRepublished);
        }

        if (uploads is not null)
        {
            log(ReportFile.Invariant($"{fault.Resource} killed with {await observer.PhotosProcessingAsync(ct)} of the run's photos processing"));
            await uploads;
        }

        await Task.Delay(settings.DownOf(fault), ct);
        await stack.StartResourceAsync(fault.Resource, ct);
        return (struckAt, NothingRepublished);
    }

    // Under --ha: the leader's or the standby's Patroni and PostgreSQL killed, the node started again after the down time,
    // and back once it streams from the leader again (in the mode the fault runs in). Returns when the fault struck.
    private async Task<long> KillPostgresNodeAsync(BenchmarkStack stack, Fault fault, CancellationToken ct)
    {
        var patroni = stack.Patroni;
        var node = fault.Kind == FaultKind.KillPrimary
            ? await PatroniView.WaitForAsync(patroni.LeaderAsync, "a PostgreSQL leader", ClusterWait, ct)
            : await PatroniView.WaitForAsync(patroni.SyncStandbyAsync, "a synchronous standby streaming", ClusterWait, ct);
        var lag = await patroni.LagBytesAsync();
        log(ReportFile.Invariant($"{node} killed; the standby's replication lag just before: {string.Join(", ", lag.Select(l => $"{l.Key} {l.Value} bytes"))}"));
        var struckAt = Stopwatch.GetTimestamp();
        stack.KillServer(node);
        if (fault.Kind == FaultKind.KillPrimary)
        {
            var leader = await PatroniView.WaitForAsync(async () => await patroni.LeaderAsync() is { } l && l != node ? l : null, "Patroni to promote the standby", ClusterWait, ct);
            log(ReportFile.Invariant($"{leader} leads {Stopwatch.GetElapsedTime(struckAt).TotalSeconds:0.0} s after the kill"));
        }

        // Down for the fault's down time from the kill, the promotion's wait included.
        if (settings.DownOf(fault) - Stopwatch.GetElapsedTime(struckAt) is var left && left > TimeSpan.Zero)
        {
            await Task.Delay(left, ct);
        }

        await stack.StartResourceAsync(node, ct);
        await PatroniView.WaitForAsync(async () => await (fault.Asynchronous ? patroni.AsyncStandbyAsync() : patroni.SyncStandbyAsync()) == node ? node : null,
            $"{node} to stream from the leader again", ClusterWait, ct);
        return struckAt;
    }

    // Patroni's synchronous_mode switched for the whole cluster; back once the leader reports its standby in that mode.
    private async Task ReplicateAsync(PatroniView patroni, bool synchronous, CancellationToken ct)
    {
        await patroni.SetSynchronousModeAsync(synchronous, ct);
        var standby = await PatroniView.WaitForAsync(synchronous ? patroni.SyncStandbyAsync : patroni.AsyncStandbyAsync, $"the standby to stream {(synchronous ? "synchronously" : "asynchronously")}", ClusterWait, ct);
        log($"replication {(synchronous ? "synchronous" : "asynchronous")}: {standby} streams from the leader");
    }

    // A lone replica's fault: the service's other replicas stopped with the dashboard's Stop command, before the load,
    // so that the load meets one replica. The gateway publishes no view of its destinations' health, so the wait for it
    // to take them out is its own worst case: a replica that stopped answering is out after ReplicaHealthPolicy's two
    // failed probes, 5 s apart (Gateway:HealthCheckInterval), each failing within its 3 s timeout. Returns the stopped.
    private async Task<IReadOnlyList<string>> RunAloneAsync(BenchmarkStack stack, Fault fault, CancellationToken ct)
    {
        if (fault.Kind != FaultKind.KillOnlyReplica)
        {
            return [];
        }

        var others = stack.ReplicasOf(fault.Service).Select(p => p.Name).Where(name => name != fault.Resource).ToList();
        foreach (var other in others)
        {
            await stack.StopResourceAsync(other, ct);
        }

        if (others.Count > 0)
        {
            log($"{string.Join(", ", others)} stopped: {fault.Resource} runs alone");
            await Task.Delay(GatewayTakesOut, ct);
        }

        return others;
    }

    // Waits for the condition, not for a time: observe and check until every invariant holds, or the settle time is up.
    private async Task<(double? Seconds, IReadOnlyList<InvariantResult> Invariants)> SettleAsync(StackObserver observer, FaultHistory history, CancellationToken ct)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            IReadOnlyList<InvariantResult> invariants;
            try
            {
                invariants = FaultInvariants.Check(history, await observer.ObserveAsync(ct));
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or HttpRequestException or System.Text.Json.JsonException)
            {
                // The system does not answer yet: that is not settled either.
                invariants = [new InvariantResult("the system answers the checks", [$"{e.GetType().Name}: {e.Message}"])];
            }

            if (invariants.All(i => i.Holds))
            {
                return (waited.Elapsed.TotalSeconds, invariants);
            }

            if (waited.Elapsed > settings.SettleTimeout)
            {
                return (null, invariants);
            }

            await Task.Delay(SettlePoll, ct);
        }
    }

    private static FaultResult Measure(Fault fault, StepLog steps, long killedAt, long backAt, double? settled, IReadOnlyList<InvariantResult> invariants)
    {
        var entries = steps.Entries.ToList();
        FaultWindow Window(IEnumerable<(string Step, long StartedAt, long EndedAt, bool Ok)> window)
        {
            var list = window.ToList();
            return new FaultWindow(list.Count, list.Count(e => !e.Ok));
        }

        // A request in flight when the fault struck is the fault's: it counts from the kill on, not before it.
        var fromKill = entries.Where(e => e.EndedAt >= killedAt).ToList();
        var lastFailure = fromKill.Where(e => !e.Ok).Select(e => e.EndedAt).DefaultIfEmpty(killedAt).Max();
        var latency = Latency.NewHistogram();
        foreach (var entry in fromKill)
        {
            Latency.Record(latency, Stopwatch.GetElapsedTime(entry.StartedAt, entry.EndedAt));
        }

        return new FaultResult(
            fault,
            Stopwatch.GetElapsedTime(killedAt, backAt).TotalSeconds,
            Window(entries.Where(e => e.EndedAt < killedAt)),
            Window(entries.Where(e => e.EndedAt >= killedAt && e.StartedAt < backAt)),
            Window(entries.Where(e => e.StartedAt >= backAt)),
            Stopwatch.GetElapsedTime(killedAt, lastFailure).TotalSeconds,
            Latency.Of(latency).P99,
            FaultLoad.Steps.ToDictionary(s => s, s => Window(entries.Where(e => e.EndedAt < killedAt && e.Step == s))),
            FaultLoad.Steps.ToDictionary(s => s, s => Window(fromKill.Where(e => e.Step == s))),
            settled,
            invariants);
    }
}
