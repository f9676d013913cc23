using MassTransit;
using MassTransit.Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dating.BuildingBlocks.Messaging;

public static class MessageBusExtensions
{
    /// <summary>
    /// The process's one bus, with every consumer the modules registered. Queues are named
    /// <c>{OTEL_SERVICE_NAME}-{consumer}</c> (with the module after the service when the process hosts several);
    /// exchanges after the events' versioned wire names.
    /// </summary>
    public static IHostApplicationBuilder AddMessageBus(this IHostApplicationBuilder builder, MessageBusTransport transport)
    {
        var registry = MessagingRegistry.From(builder.Services);
        if (registry.BusAdded)
        {
            throw new InvalidOperationException("AddMessageBus() was already called: a process has one bus.");
        }

        registry.BusAdded = true;
        builder.Services.AddMessagingOptions();
        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"];

        if (transport == MessageBusTransport.InProcess)
        {
            AddInProcessMediator(builder.Services, registry);
            return builder;
        }

        if (transport != MessageBusTransport.RabbitMq)
        {
            throw new ArgumentOutOfRangeException(nameof(transport), transport, "Unknown transport.");
        }

        builder.Services.AddSingleton(sp => new OutboxTarget(sp.GetRequiredService<IBus>(), InProcess: false));
        builder.Services.AddMassTransit(bus =>
        {
            // MassTransit 8.4+ reports the bus's configuration to its vendor over HTTPS unless told not to. The stack's
            // telemetry is its own (OpenTelemetry), and its servers bind loopback only: nothing leaves the machine.
            bus.DisableUsageTelemetry();
            bus.SetKebabCaseEndpointNameFormatter();
            var modules = registry.Consumers.Select(c => c.Module).Distinct().Count();
            foreach (var consumer in registry.Consumers)
            {
                var queue = EndpointNames.ForConsumer(EndpointNames.Owner(serviceName, consumer.Module, modules), consumer.ConsumerType);
                bus.AddConsumer(consumer.ConsumerType).Endpoint(e => e.Name = queue);
            }

            bus.ConfigureHealthCheckOptions(health =>
            {
                health.Name = "masstransit";
                // A broker outage degrades readiness but never fails it: the outbox holds events until the broker is back.
                health.MinimalFailureStatus = HealthStatus.Degraded;
                health.Tags.Add("ready");
            });

            bus.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(RabbitMqUri(context.GetRequiredService<IConfiguration>()), _ => { });
                ConfigureBus(context, cfg);
            });
        });
        return builder;
    }

    // The monolith's events: MassTransit's mediator calls every consumer in process and returns once they have all run
    // (or throws what one threw), so the outbox marks a row sent only after it was handled. MassTransit's in-memory
    // transport, used before, returned once the event was queued in memory, and a kill -9 lost what was queued (the
    // fault run found photos stuck in processing). A consumer that fails leaves its row unsent; the outbox's sweep is
    // the retry, every SweepInterval, and the other rows go on.
    private static void AddInProcessMediator(IServiceCollection services, MessagingRegistry registry)
    {
        services.AddSingleton(sp => new OutboxTarget(sp.GetRequiredService<IMediator>(), InProcess: true));
        services.AddMediator(mediator =>
        {
            foreach (var consumer in registry.Consumers)
            {
                mediator.AddConsumer(consumer.ConsumerType);
            }
        });
    }

    private static void ConfigureBus(IBusRegistrationContext context, IRabbitMqBusFactoryConfigurator cfg)
    {
        var options = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
        cfg.MessageTopology.SetEntityNameFormatter(new IntegrationEventEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter));

        // Transient failures retry with back-off; after the last retry MassTransit parks the message in <queue>_error.
        cfg.UseMessageRetry(retry => retry.Exponential(
            options.RetryLimit, options.RetryMinInterval, options.RetryMaxInterval, options.RetryIntervalDelta));
        cfg.ConfigureEndpoints(context);
    }

    private static Uri RabbitMqUri(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("rabbitmq");
        if (string.IsNullOrWhiteSpace(connectionString) || !Uri.TryCreate(connectionString, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException("ConnectionStrings:rabbitmq must be an amqp URI, e.g. amqp://guest:guest@127.0.0.1:5672/.");
        }

        return uri;
    }
}
