using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Dating.Chat.Realtime;

/// <summary>
/// Runs pushes once the context's transaction commits (and drops them if it does not): a client told
/// <c>matched</c> can send at once, and nobody hears of a change that was rolled back.
/// </summary>
internal sealed class AfterCommit(ILogger<AfterCommit> logger) : DbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<Func<Task>>> _pending = [];

    public void Enqueue(DbContext db, Func<Task> push)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("AfterCommit needs an open transaction.");
        }

        _pending.GetOrCreateValue(db).Add(push);
    }

    public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override async Task TransactionCommittedAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is null || !_pending.TryGetValue(eventData.Context, out var pushes))
        {
            return;
        }

        _pending.Remove(eventData.Context);
        foreach (var push in pushes)
        {
            try
            {
                await push();
            }
            catch (Exception exception)
            {
                // The change is committed; a lost push only costs the client a refresh.
                logger.LogWarning(exception, "A chat notification could not be pushed after commit.");
            }
        }
    }

    public override Task TransactionRolledBackAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override Task TransactionFailedAsync(
        DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }
}
