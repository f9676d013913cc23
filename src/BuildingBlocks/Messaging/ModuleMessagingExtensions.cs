using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dating.BuildingBlocks.Messaging;

public static class ModuleMessagingExtensions
{
    /// <summary>
    /// The outbox (commit interceptor, dispatcher, sweep) and <see cref="AfterCommit"/> for <typeparamref name="TDbContext"/>, and the module's
    /// consumers, collected for the one bus the host adds afterwards with <c>AddMessageBus</c>.
    /// </summary>
    public static IHostApplicationBuilder AddModuleMessaging<TDbContext>(
        this IHostApplicationBuilder builder, Action<ModuleConsumers>? configureConsumers = null)
        where TDbContext : DbContext
    {
        var registry = MessagingRegistry.From(builder.Services);
        if (registry.BusAdded)
        {
            throw new InvalidOperationException(
                $"AddModuleMessaging<{typeof(TDbContext).Name}>() must come before AddMessageBus(): the bus is configured once, with every module's consumers.");
        }

        if (!registry.DbContexts.Add(typeof(TDbContext)))
        {
            throw new InvalidOperationException($"AddModuleMessaging<{typeof(TDbContext).Name}>() was already called.");
        }

        var consumers = new ModuleConsumers();
        configureConsumers?.Invoke(consumers);
        var module = EndpointNames.ForModule(typeof(TDbContext));
        foreach (var consumer in consumers.Types)
        {
            registry.Consumers.Add(new RegisteredConsumer(consumer, module));
            RegisterConsumedEvents(consumer);
        }

        var services = builder.Services;
        services.AddMessagingOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxPublisher>();
        services.TryAddSingleton(sp => new OutboxDispatcher(
            sp.GetRequiredService<OutboxPublisher>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<MessagingOptions>>(), sp.GetRequiredService<ILogger<OutboxDispatcher>>()));
        services.TryAddSingleton<AfterCommit>();
        services.AddSingleton<OutboxSignal<TDbContext>>();
        services.AddSingleton<OutboxCommitInterceptor<TDbContext>>();
        services.ConfigureDbContext<TDbContext>((sp, options) => options.AddInterceptors(
            sp.GetRequiredService<AfterCommit>(),
            sp.GetRequiredService<OutboxCommitInterceptor<TDbContext>>()));
        services.AddHostedService<OutboxDispatcherService<TDbContext>>();
        services.AddHostedService<MessageRetentionService<TDbContext>>();
        return builder;
    }

    internal static IServiceCollection AddMessagingOptions(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(MessagingOptionsMarker)))
        {
            services.AddSingleton<MessagingOptionsMarker>();
            services.AddOptions<MessagingOptions>()
                .BindConfiguration(MessagingOptions.SectionName)
                .Validate(
                    o => o.BatchSize > 0 && o.SweepInterval > TimeSpan.Zero && o.PublishTimeout > TimeSpan.Zero && o.HandleTimeout > TimeSpan.Zero && o.RetryLimit >= 0,
                    "Messaging: BatchSize, SweepInterval, PublishTimeout and HandleTimeout must be positive, RetryLimit not negative.")
                .ValidateOnStart();
        }

        return services;
    }

    private static void RegisterConsumedEvents(Type consumer)
    {
        var consumed = consumer.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
            .Select(i => i.GetGenericArguments()[0])
            .Where(t => IntegrationEventCatalog.FindWireName(t) is not null);
        foreach (var type in consumed)
        {
            IntegrationEventCatalog.Register(type);
        }
    }

    private sealed class MessagingOptionsMarker;
}
