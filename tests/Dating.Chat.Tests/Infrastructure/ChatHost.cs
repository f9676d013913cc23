using System.Net;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dating.Chat.Tests.Infrastructure;

/// <summary>
/// The real Chat host (its Program.cs), in process on real Kestrel at 127.0.0.1 (the SignalR client needs a
/// real socket for WebSockets), wired to the given backing services.
/// </summary>
public sealed class ChatHost : WebApplicationFactory<Program>
{
    private readonly IDictionary<string, string?> _configuration;

    public ChatHost(IDictionary<string, string?> configuration)
    {
        _configuration = configuration;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Where the host listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Starts the host and returns once it serves (migrations done, consumers bound).</summary>
    public ChatHost Start()
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
        builder.ConfigureTestServices(services => services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true));
    }
}
