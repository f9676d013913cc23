using System.Net;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dating.Profiles.Tests.Infrastructure;

/// <summary>
/// The real Profiles host (its Program.cs), in process on real Kestrel at 127.0.0.1 (so body limits and
/// client addresses behave as in production), wired to the given backing services.
/// </summary>
public sealed class ProfilesHost : WebApplicationFactory<Program>
{
    private readonly IDictionary<string, string?> _configuration;

    public ProfilesHost(IDictionary<string, string?> configuration)
    {
        _configuration = configuration;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Starts the host and returns once it serves (migrations done).</summary>
    public ProfilesHost Start()
    {
        StartServer();
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _configuration)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(new FileLoggerProvider()));

        // Consumers are bound to their exchanges before a test publishes anything.
        builder.ConfigureTestServices(services => services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true));
    }
}
