using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dating.BuildingBlocks.Messaging;

/// <summary>
/// Runs the dispatcher right after each commit (signalled by the interceptor) and every sweep interval,
/// which picks up leftovers: rows from a broker outage, a crash, or another replica that died mid-batch.
/// </summary>
internal sealed class OutboxDispatcherService<TDbContext>(
    IServiceScopeFactory scopes,
    OutboxDispatcher dispatcher,
    OutboxSignal<TDbContext> signal,
    IOptions<MessagingOptions> options,
    ILogger<OutboxDispatcherService<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // never hold up host start-up
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await DispatchPendingAsync(stoppingToken);
                await signal.WaitAsync(options.Value.SweepInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: whatever is left is published by the next start or another replica.
        }
    }

    private async Task DispatchPendingAsync(CancellationToken ct)
    {
        try
        {
            bool more;
            do
            {
                await using var scope = scopes.CreateAsyncScope();
                more = await dispatcher.DispatchBatchAsync(scope.ServiceProvider.GetRequiredService<TDbContext>(), ct);
            }
            while (more);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // The database may be down or not migrated yet; the next sweep tries again.
            logger.LogWarning(e, "The {DbContext} outbox could not be dispatched; retrying in {Interval}", typeof(TDbContext).Name, options.Value.SweepInterval);
        }
    }
}
