namespace Dating.Benchmarks.Load;

/// <summary>
/// CPU time and peak resident memory during a measurement: the topology's own processes (services and gateway)
/// and the backing services (PostgreSQL with its backends, Redis, RabbitMQ, Azurite) separately.
/// Peak memory is the highest sum of the set's proportional set sizes (PSS: resident memory, shared pages counted once) at one sampling instant.
/// <see cref="Processes"/> splits the services' CPU per service (gateway, profiles, …, or the monolith).
/// </summary>
public sealed record ResourceUsage(
    double ServiceCpuSeconds, double ServicePeakMemoryMb, double BackingCpuSeconds, double BackingPeakMemoryMb, IReadOnlyList<ProcessUsage>? Processes = null)
{
    public static ResourceUsage None { get; } = new(0, 0, 0, 0);

    public IReadOnlyList<ProcessUsage> PerProcess => Processes ?? [];
}
