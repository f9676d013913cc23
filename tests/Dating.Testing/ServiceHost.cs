using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dating.Testing;

/// <summary>
/// The real host of a service (its Program.cs), in process, wired to the given backing services (e.g.
/// <see cref="BackingServicesFixture.Configuration(string, string)"/>), logging its warnings with a
/// <see cref="FileLoggerProvider"/>. By default on real Kestrel at 127.0.0.1 on a free port (so body limits,
/// client addresses and WebSockets behave as in production); otherwise on the in-memory test server.
/// </summary>
/// <typeparam name="TProgram">The host's entry point.</typeparam>
/// <typeparam name="THost">The deriving host, returned by <see cref="Start"/>.</typeparam>
public abstract class ServiceHost<TProgram, THost> : WebApplicationFactory<TProgram>
    where TProgram : class
    where THost : ServiceHost<TProgram, THost>
{
    private readonly IDictionary<string, string?> _configuration;

    /// <param name="configuration">Settings for the host, e.g. its connection strings.</param>
    /// <param name="name">Names the log file: <c>&lt;name&gt;-hosts.log</c>.</param>
    /// <param name="onKestrel">False for the in-memory test server.</param>
    protected ServiceHost(IDictionary<string, string?> configuration, string name, bool onKestrel = true)
    {
        _configuration = configuration;
        Log = new FileLoggerProvider(name);
        if (onKestrel)
        {
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        }
    }

    /// <summary>The host's warnings and errors.</summary>
    public FileLoggerProvider Log { get; }

    /// <summary>Where the host listens on Kestrel, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Starts the host and returns once it serves (migrations done).</summary>
    public THost Start()
    {
        StartServer();
        return (THost)this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _configuration)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Log));
        builder.ConfigureTestServices(ConfigureTestServices);
    }

    /// <summary>The module's own replacements, applied after its Program.cs registrations.</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }
}
