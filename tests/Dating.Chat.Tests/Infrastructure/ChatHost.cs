using Dating.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Dating.Chat.Tests.Infrastructure;

/// <summary>
/// The real Chat host (its Program.cs), in process on real Kestrel at 127.0.0.1 (the SignalR client needs a
/// real socket for WebSockets), wired to the given backing services.
/// </summary>
/// <param name="configuration">Settings for the host, e.g. its connection strings.</param>
/// <param name="testServices">A test class's own replacements, if any, after the host's.</param>
public sealed class ChatHost(IDictionary<string, string?> configuration, Action<IServiceCollection>? testServices = null)
    : ServiceHost<Program, ChatHost>(configuration, "chat")
{
    protected override void ConfigureTestServices(IServiceCollection services)
    {
        // Consumers are bound to their exchanges before a test publishes anything.
        services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        testServices?.Invoke(services);
    }
}
