using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Dating.BuildingBlocks.Messaging;

/// <summary>
/// Work that must wait until a DbContext's changes are committed (wake the outbox dispatcher, push to clients,
/// delete a blob, clear a cache), run exactly once then, and dropped if they are not: with a transaction open,
/// at its commit; without one, after the next SaveChanges, which commits by itself. A failing action is logged
/// and the others still run: the commit stands. AddModuleMessaging adds it to the module's DbContext.
/// </summary>
public sealed class AfterCommit(ILogger<AfterCommit> logger) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public void Enqueue(DbContext db, Func<Task> action)
    {
        var pending = _pending.GetOrCreateValue(db);
        (db.Database.CurrentTransaction is null ? pending.OnSave : pending.OnCommit).Add(action);
    }

    // A transaction disposed without a commit or a rollback raises no event: its work goes when the next one starts.
    public InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        PendingOf(eventData.Context)?.OnCommit.Clear();
        return result;
    }

    public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarting(connection, eventData, result));

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        RunAsync(PendingOf(eventData.Context)?.OnCommit);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        PendingOf(eventData.Context)?.OnCommit.Clear();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        PendingOf(eventData.Context)?.OnCommit.Clear();

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result) =>
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (PendingOf(eventData.Context) is { } pending)
        {
            if (eventData.Context!.Database.CurrentTransaction is null)
            {
                await RunAsync(pending.OnSave);
            }
            else
            {
                // Queued before the transaction began: the save is part of it now, and so is the work.
                pending.OnCommit.AddRange(pending.OnSave);
                pending.OnSave.Clear();
            }
        }

        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => PendingOf(eventData.Context)?.OnSave.Clear();

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => PendingOf(eventData.Context)?.OnSave.Clear();

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesCanceled(eventData);
        return Task.CompletedTask;
    }

    private Pending? PendingOf(DbContext? context) =>
        context is not null && _pending.TryGetValue(context, out var pending) ? pending : null;

    private async Task RunAsync(List<Func<Task>>? queue)
    {
        if (queue is null or [])
        {
            return;
        }

        Func<Task>[] actions = [.. queue];
        queue.Clear();
        foreach (var action in actions)
        {
            try
            {
                await action();
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Work after a commit failed; the commit stands.");
            }
        }
    }

    private sealed class Pending
    {
        /// <summary>The open transaction's work.</summary>
        public List<Func<Task>> OnCommit { get; } = [];

        /// <summary>Work queued with no transaction open: the next SaveChanges commits it.</summary>
        public List<Func<Task>> OnSave { get; } = [];
    }
}
