using Dating.Benchmarks.Reports;

namespace Dating.Benchmarks.Scenarios.Photos;

/// <summary>
/// One stack's measurements. Throughput: accepted uploads a second (202), the upload latency, and when the whole batch
/// was ready (from the first upload). Time to ready: from each 202 to the first poll that saw the photo ready.
/// </summary>
public sealed record PhotosRun(
    int Replicas, int Round, int Uploads, int Accepted, double UploadSeconds, Latency UploadLatency,
    double AllReadySeconds, int Ready, int Failed,
    int ReadyPhotos, int ReadyTimedOut, Latency TimeToReady)
{
    public double AcceptedPerSecond => Accepted / UploadSeconds;

    public double ProcessedPerSecond => AllReadySeconds == 0 ? 0 : (Ready + Failed) / AllReadySeconds;
}
