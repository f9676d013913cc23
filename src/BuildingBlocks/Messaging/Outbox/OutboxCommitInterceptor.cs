using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dating.BuildingBlocks.Messaging;

/// <summary>
/// Wakes the dispatcher as soon as saved outbox rows are committed, so the normal case has no polling delay.
/// Never before the commit, nor for a rollback. (Even an early signal would be harmless: the dispatcher only
/// sees committed rows.)
/// </summary>
internal sealed class OutboxCommitInterceptor<TDbContext>(AfterCommit afterCommit, OutboxSignal<TDbContext> signal)
    : SaveChangesInterceptor
    where TDbContext : DbContext
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        SignalAfterCommit(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        SignalAfterCommit(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void SignalAfterCommit(DbContext? context)
    {
        if (context is TDbContext && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            afterCommit.Enqueue(context, () =>
            {
                signal.Notify();
                return Task.CompletedTask;
            });
        }
    }
}
