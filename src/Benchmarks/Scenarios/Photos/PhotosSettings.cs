namespace Dating.Benchmarks.Scenarios.Photos;

/// <summary>
/// Throughput: <see cref="Users"/> × <see cref="PhotosPerUser"/> uploads by <see cref="Clients"/> closed-loop clients.
/// Time to ready: uploads at <see cref="ReadyRate"/> a second for <see cref="ReadyDuration"/>, each polled every <see cref="PollInterval"/>.
/// </summary>
public sealed record PhotosSettings(int Rounds, int Users, int PhotosPerUser, int Clients, double ReadyRate, TimeSpan ReadyDuration, TimeSpan PollInterval)
{
    /// <summary>Users have at most 9 photos; the benchmark leaves one slot free.</summary>
    public const int MaxPhotosPerUser = 8;

    public static PhotosSettings Full { get; } = new(2, 100, 8, 8, 5, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(20));

    public static PhotosSettings Quick { get; } = new(1, 6, 4, 4, 4, TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(20));
}
