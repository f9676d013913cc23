using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dating.BuildingBlocks.Persistence;

/// <summary>
/// Turns off EF Core's automatic savepoints. Inside a transaction of ours, SaveChanges otherwise wraps its batch in
/// <c>SAVEPOINT</c> and <c>RELEASE SAVEPOINT</c>, two more round trips on every save, so that a failed save leaves the
/// transaction usable. No code here goes on in a transaction after a failed save: a unique violation ends it (the
/// send, the inbox claim answer from outside it), and anything else fails the whole transaction, which the execution
/// strategy runs again from the start. One instance for every context (it keeps no state).
/// </summary>
internal sealed class NoAutoSavepoints : SaveChangesInterceptor
{
    public static NoAutoSavepoints Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        TurnOff(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        TurnOff(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void TurnOff(DbContext? context)
    {
        if (context is not null)
        {
            context.Database.AutoSavepointsEnabled = false;
        }
    }
}
