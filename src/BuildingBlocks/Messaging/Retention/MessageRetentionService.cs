using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dating.BuildingBlocks.Messaging;

/// <summary>Keeps the outbox and inbox tables small: drops rows older than the retention (idempotent across replicas).</summary>
internal sealed class MessageRetentionService<TDbContext>(
    IServiceScopeFactory scopes,
    OutboxDispatcher outbox,
    TimeProvider clock,
    IOptions<MessagingOptions> options,
    ILogger<MessageRetentionService<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    private static readonly TimeSpan Period = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await DeleteExpiredAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeleteExpiredAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
            var cutoff = clock.GetUtcNow() - options.Value.Retention;
            await outbox.DeleteExpiredAsync(db, ct);
            await db.Set<InboxMessage>().Where(m => m.ProcessedAt < cutoff).ExecuteDeleteAsync(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Old {DbContext} outbox and inbox rows could not be deleted", typeof(TDbContext).Name);
        }
    }
}
