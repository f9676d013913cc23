using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Dating.BuildingBlocks.Messaging;

/// <summary>
/// Where the outbox's relay publishes: the bus (a broker: the publish returns once the broker has the event), or the
/// mediator (in process: the publish returns once every consumer has handled it).
/// </summary>
internal sealed record OutboxTarget(IPublishEndpoint Endpoint, bool InProcess);

/// <summary>
/// Publishes one outbox row as the event it holds, bounded in time so a broker outage or a stuck consumer cannot stall
/// the dispatcher.
/// </summary>
internal sealed class OutboxPublisher(OutboxTarget target, IOptions<MessagingOptions> options)
{
    /// <summary>True when a publish runs the consumers: a failure is that event's own, not the broker's.</summary>
    public bool InProcess => target.InProcess;

    public async Task PublishAsync(OutboxMessage row, CancellationToken ct)
    {
        var type = IntegrationEventCatalog.Resolve(row.Type) ?? throw new UnknownIntegrationEventException(row.Type);
        var message = JsonSerializer.Deserialize(row.Payload, type, OutboxJson.Options)
            ?? throw new JsonException($"The payload of outbox message {row.Id} is null.");

        // No ambient activity: MassTransit then parents its send span on the stored traceparent header,
        // so the consumer's span joins the trace of the request that raised the event.
        Activity.Current = null;
        var timeout = target.InProcess ? options.Value.HandleTimeout : options.Value.PublishTimeout;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        var pipe = Pipe.Execute<PublishContext>(context =>
        {
            // The row id as MessageId lets every inbox drop a re-publish after a crash before the row was marked.
            context.MessageId = row.Id;
            if (row.TraceParent is not null)
            {
                context.Headers.Set(TraceParent.Header, row.TraceParent);
            }

            // The versioned wire name travels beside MassTransit's CLR-derived message type.
            context.SupportedMessageTypes = [.. context.SupportedMessageTypes, $"urn:message:{row.Type}"];
        });

        // MassTransit waits for a connection while the broker is down; the token and the timeout both bound that.
        await target.Endpoint.Publish(message, type, pipe, cts.Token).WaitAsync(timeout, ct);
    }
}
