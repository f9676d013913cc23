namespace Dating.BuildingBlocks.Persistence;

/// <summary>Whether this process has brought the module's schema up to date; readiness waits for it.</summary>
internal sealed class MigrationState<TDbContext>(string schema)
{
    private volatile bool _completed;

    public string Schema { get; } = schema;

    public bool Completed => _completed;

    public void MarkCompleted() => _completed = true;
}
