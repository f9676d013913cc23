using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Dating.Photos.Tests.Infrastructure;

/// <summary>
/// The real Photos host (its Program.cs), in process on real Kestrel at 127.0.0.1 (so body limits behave as
/// in production), wired to the given backing services.
/// </summary>
public sealed class PhotosHost : WebApplicationFactory<Program>
{
    private readonly IDictionary<string, string?> _configuration;

    public PhotosHost(IDictionary<string, string?> configuration)
    {
        _configuration = configuration;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _configuration)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(new FileLoggerProvider()));
    }
}
