using Dating.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Dating.Chat.Tests.Infrastructure;

/// <summary>
/// The real Chat host (its Program.cs), in process on real Kestrel at 127.0.0.1 (the SignalR client needs a
/// real socket for WebSockets), wired to the given backing services.
/// </summary>
public sealed class ChatHost(IDictionary<string, string?> configuration)
    : ServiceHost<Program, ChatHost>(configuration, "chat")
{
    // Consumers are bound to their exchanges before a test publishes anything.
    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
}
