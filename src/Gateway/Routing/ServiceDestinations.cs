using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;

namespace Dating.Gateway.Routing;

// Where each service's destinations come from: configuration (services:<name>:http:<i>, as Aspire passes
// them), or, with Gateway:DestinationsFile set, that JSON file of the same shape, watched so that replicas
// added or removed at run time are picked up without a restart. An unreadable or missing file keeps the
// destinations last read: a half-written file must never empty a cluster.
internal sealed class ServiceDestinations : IDisposable
{
    private readonly IConfiguration _configuration;
    private readonly ILogger<ServiceDestinations> _logger;
    private readonly string? _path;
    private readonly PhysicalFileProvider? _directory;
    private readonly IConfigurationRoot? _file;
    private readonly IDisposable? _watch;
    private volatile IReadOnlyDictionary<string, IReadOnlyDictionary<string, DestinationConfig>> _fromFile =
        new Dictionary<string, IReadOnlyDictionary<string, DestinationConfig>>();
    private CancellationTokenSource _changed = new();
    private bool _loadFailed;

    public ServiceDestinations(IConfiguration configuration, IOptions<GatewayOptions> options, ILogger<ServiceDestinations> logger)
    {
        _configuration = configuration;
        _logger = logger;
        if (string.IsNullOrWhiteSpace(options.Value.DestinationsFile))
        {
            return;
        }

        _path = Path.GetFullPath(options.Value.DestinationsFile);
        _directory = new PhysicalFileProvider(Path.GetDirectoryName(_path)!);
        _file = new ConfigurationBuilder()
            .AddJsonFile(source =>
            {
                source.Path = Path.GetFileName(_path);
                source.FileProvider = _directory;
                source.ReloadOnChange = true;
                source.ReloadDelay = 100;
                source.OnLoadException = failure =>
                {
                    _loadFailed = true;
                    failure.Ignore = true;
                    _logger.LogWarning(failure.Exception, "Could not read the destinations file {Path}; keeping the destinations last read", _path);
                };
            })
            .Build();
        _fromFile = Read(_file);
        _logger.LogInformation("Destinations from {Path}: {Destinations}", _path, Describe(_fromFile));
        _watch = ChangeToken.OnChange(_file.GetReloadToken, Reload);
    }

    public IReadOnlyDictionary<string, DestinationConfig> Of(string service) =>
        _file is null
            ? ServiceClusters.DestinationsOf(_configuration, service)
            : _fromFile.GetValueOrDefault(service) ?? new Dictionary<string, DestinationConfig>();

    public IChangeToken GetChangeToken() =>
        _file is null ? _configuration.GetReloadToken() : new CancellationChangeToken(Volatile.Read(ref _changed).Token);

    public void Dispose()
    {
        _watch?.Dispose();
        (_file as IDisposable)?.Dispose();
        _directory?.Dispose();
        _changed.Dispose();
    }

    private void Reload()
    {
        if (_loadFailed || !File.Exists(_path))
        {
            _loadFailed = false;
            return;
        }

        _fromFile = Read(_file!);
        _logger.LogInformation("Destinations changed: {Destinations}", Describe(_fromFile));
        // Not disposed: YARP may still look at the old token.
        Interlocked.Exchange(ref _changed, new CancellationTokenSource()).Cancel();
    }

    private static Dictionary<string, IReadOnlyDictionary<string, DestinationConfig>> Read(IConfiguration file) =>
        BackendServices.All.ToDictionary(service => service, service => ServiceClusters.DestinationsOf(file, service));

    private static string Describe(IReadOnlyDictionary<string, IReadOnlyDictionary<string, DestinationConfig>> destinations) =>
        string.Join(", ", destinations.Select(service => $"{service.Key}={service.Value.Count}"));
}
