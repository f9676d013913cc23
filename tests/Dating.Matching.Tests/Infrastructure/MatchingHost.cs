using Dating.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Dating.Matching.Tests.Infrastructure;

/// <summary>The real Matching host (its Program.cs), in process on the test server, wired to the given backing services.</summary>
public sealed class MatchingHost(IDictionary<string, string?> configuration)
    : ServiceHost<Program, MatchingHost>(configuration, "matching", onKestrel: false)
{
    // Consumers are bound to their exchanges before the tests publish anything.
    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
}
