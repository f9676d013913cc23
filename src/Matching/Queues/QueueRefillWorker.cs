using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dating.Matching.Queues;

/// <summary>Refills queues that ran low, off the request path.</summary>
internal sealed class QueueRefillWorker(QueueRefillRequests requests, IServiceScopeFactory scopes, ILogger<QueueRefillWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var userId in requests.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<QueueFiller>().FillAsync(userId, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The next read refills synchronously if the queue runs dry meanwhile.
                logger.LogWarning(exception, "Refilling the recommendation queue of {UserId} failed.", userId);
            }
        }
    }
}
