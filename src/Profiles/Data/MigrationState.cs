namespace Dating.Profiles.Data;

/// <summary>Whether this process has brought the schema up to date; readiness waits for it.</summary>
internal sealed class MigrationState
{
    private volatile bool _completed;

    public bool Completed => _completed;

    public void MarkCompleted() => _completed = true;
}
