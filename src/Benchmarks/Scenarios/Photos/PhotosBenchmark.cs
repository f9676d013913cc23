using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dating.Benchmarks.Api;
using Dating.Benchmarks.Load;
using Dating.Benchmarks.Reports;
using Dating.Benchmarks.Stacks;
using Dating.BuildingBlocks.Modules;

namespace Dating.Benchmarks.Scenarios.Photos;

/// <summary>
/// Photo uploads through the gateway with one and with two Photos replicas (fresh stacks, alternating A B A B on the
/// app host's fresh stack each time): accepted uploads a second, and the time from the 202 until the photo is ready.
/// </summary>
public sealed class PhotosBenchmark(PhotosSettings settings, Action<string> log)
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(10);

    public async Task<IReadOnlyList<PhotosRun>> RunAsync(CancellationToken ct)
    {
        var jpeg = SampleJpeg.Create();
        log($"sample JPEG 1600x1200: {jpeg.Length / 1024} KiB");
        var runs = new List<PhotosRun>();
        for (var round = 1; round <= settings.Rounds; round++)
        {
            foreach (var replicas in new[] { 1, 2 })
            {
                log($"photos: round {round}, {replicas} replica(s)");
                await using var stack = await BenchmarkStack.StartAsync(log, ct, new Dictionary<string, int> { [ModuleCatalog.Photos.Name] = replicas });
                runs.Add(await MeasureAsync(stack, replicas, round, jpeg, ct));
            }
        }

        return runs;
    }

    private async Task<PhotosRun> MeasureAsync(BenchmarkStack stack, int replicas, int round, byte[] jpeg, CancellationToken ct)
    {
        using var http = GatewayClient.CreateHttpClient();
        var api = new GatewayClient(http, stack.PublicUrl);
        var readyPhotos = (int)(settings.ReadyRate * settings.ReadyDuration.TotalSeconds);
        var readyUserCount = (readyPhotos + PhotosSettings.MaxPhotosPerUser - 1) / PhotosSettings.MaxPhotosPerUser;
        log($"registering {settings.Users + readyUserCount + settings.Clients} users");
        var users = await api.RegisterManyAsync(settings.Users + readyUserCount + settings.Clients,
            i => new NewUser(i % 2 == 0 ? "woman" : "man", ["man", "woman"], 48.85, 2.35), ct);
        var throughputUsers = users.Take(settings.Users).ToList();
        var readyUsers = users.Skip(settings.Users).Take(readyUserCount).ToList();

        log("warm-up: one upload per client");
        await Task.WhenAll(users.Skip(settings.Users + readyUserCount).Select(u => PhotoUpload.SendAsync(api, u.Token, jpeg, ct)));

        // Throughput: closed loop, every client uploads back to back until the batch is gone.
        var batch = new ConcurrentQueue<BenchmarkUser>(
            Enumerable.Range(0, settings.PhotosPerUser).SelectMany(_ => throughputUsers));
        var uploadLatency = Latency.NewHistogram();
        var accepted = 0;
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, settings.Clients).Select(_ => Task.Run(async () =>
        {
            while (batch.TryDequeue(out var user))
            {
                var sent = Stopwatch.GetTimestamp();
                var (status, _) = await PhotoUpload.SendAsync(api, user.Token, jpeg, ct);
                Latency.Record(uploadLatency, Stopwatch.GetElapsedTime(sent));
                if (status == HttpStatusCode.Accepted)
                {
                    Interlocked.Increment(ref accepted);
                }
            }
        }, ct)));
        var uploadSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        log($"{accepted} uploads accepted in {uploadSeconds:0.0} s; waiting until all are processed");
        var (ready, failed) = await WaitUntilProcessedAsync(api, throughputUsers, start, ct);
        var allReadySeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;

        // Time to ready: an open model at a modest rate, each photo polled from its 202 until it is ready.
        log($"time to ready: {settings.ReadyRate}/s for {settings.ReadyDuration.TotalSeconds:0} s, polling every {settings.PollInterval.TotalMilliseconds:0} ms");
        var timeToReady = Latency.NewHistogram();
        var timedOut = 0;
        await LoadGenerator.OpenAsync(async i =>
        {
            var user = readyUsers[i / PhotosSettings.MaxPhotosPerUser];
            var (status, photoId) = await PhotoUpload.SendAsync(api, user.Token, jpeg, ct);
            if (status != HttpStatusCode.Accepted)
            {
                return false;
            }

            var acceptedAt = Stopwatch.GetTimestamp();
            while (Stopwatch.GetElapsedTime(acceptedAt) < ReadyTimeout)
            {
                await Task.Delay(settings.PollInterval, ct);
                var (pollStatus, photo) = await api.SendJsonAsync(HttpMethod.Get, $"/api/photos/{photoId}", user.Token, null, ct);
                if (pollStatus == HttpStatusCode.OK && PhotoStatus.IsDone(photo, out var isReady))
                {
                    if (isReady)
                    {
                        Latency.Record(timeToReady, Stopwatch.GetElapsedTime(acceptedAt));
                    }

                    return isReady;
                }
            }

            Interlocked.Increment(ref timedOut);
            return false;
        }, settings.ReadyRate, settings.ReadyDuration, ct);

        return new PhotosRun(replicas, round, throughputUsers.Count * settings.PhotosPerUser, accepted, uploadSeconds, Latency.Of(uploadLatency),
            allReadySeconds, ready, failed, readyPhotos, timedOut, Latency.Of(timeToReady));
    }

    /// <returns>How many of the users' photos became ready and how many failed.</returns>
    private async Task<(int Ready, int Failed)> WaitUntilProcessedAsync(GatewayClient api, IReadOnlyList<BenchmarkUser> users, long start, CancellationToken ct)
    {
        var pending = users.ToList();
        int ready = 0, failed = 0;
        while (pending.Count > 0 && Stopwatch.GetElapsedTime(start) < DrainTimeout)
        {
            var done = new ConcurrentBag<BenchmarkUser>();
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (user, token) =>
            {
                var (status, photos) = await api.SendJsonAsync(HttpMethod.Get, "/api/photos/me", user.Token, null, token);
                if (status != HttpStatusCode.OK)
                {
                    return;
                }

                var states = photos.EnumerateArray().Select(p => PhotoStatus.IsDone(p, out var isReady) ? (bool?)isReady : null).ToList();
                if (states.All(s => s is not null))
                {
                    Interlocked.Add(ref ready, states.Count(s => s == true));
                    Interlocked.Add(ref failed, states.Count(s => s == false));
                    done.Add(user);
                }
            });
            pending.RemoveAll(done.Contains);
            if (pending.Count > 0)
            {
                await Task.Delay(100, ct);
            }
        }

        if (pending.Count > 0)
        {
            log($"{pending.Count} users still had photos processing after {DrainTimeout.TotalMinutes:0} min");
        }

        return (ready, failed);
    }
}
