using Dating.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Dating.Profiles.Tests.Infrastructure;

/// <summary>
/// The real Profiles host (its Program.cs), in process on real Kestrel at 127.0.0.1 (so body limits and
/// client addresses behave as in production), wired to the given backing services.
/// </summary>
public sealed class ProfilesHost(IDictionary<string, string?> configuration)
    : ServiceHost<Program, ProfilesHost>(configuration, "profiles")
{
    // Consumers are bound to their exchanges before a test publishes anything.
    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
}
