using System.Net.Http.Headers;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Dating.BuildingBlocks.Messaging;
using Dating.BuildingBlocks.Sessions;
using Dating.Contracts.Photos;
using Dating.Photos.Data;
using Dating.Photos.Library;
using Dating.Photos.Storage;
using Dating.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dating.Photos.Tests.Infrastructure;

/// <summary>One Photos host over its own fresh database, shared by the tests of a class.</summary>
public sealed class PhotosServiceFixture(BackingServicesFixture backing) : IAsyncLifetime
{
    private PhotosHost? _host;

    public BackingServicesFixture Backing => backing;

    public PhotosHost Host => _host ?? throw new InvalidOperationException("Not started.");

    /// <summary>The host's configuration: another host started with it is a second replica of the same service.</summary>
    public IDictionary<string, string?> Configuration { get; private set; } = new Dictionary<string, string?>();

    public async ValueTask InitializeAsync()
    {
        Configuration = backing.Configuration("photos", await backing.CreateDatabaseAsync("photos"));
        // Queues of their own: hosts of other test classes (other databases) must not take this host's messages.
        Configuration["OTEL_SERVICE_NAME"] = $"photos-test-{Guid.NewGuid():N}";
        _host = new PhotosHost(Configuration);
        _host.StartServer();
    }

    /// <summary>A signed-in user, as a client: a session from the host's own session store, sent as a bearer token.</summary>
    public async Task<PhotosClient> SignInAsync(Guid? userId = null)
    {
        var id = userId ?? Guid.NewGuid();
        var session = await Host.Services.GetRequiredService<ISessionStore>().CreateAsync(id, CancellationToken.None);
        var http = Host.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        return new PhotosClient(id, http);
    }

    public HttpClient CreateAnonymousClient() => Host.CreateClient();

    /// <summary>Every blob of the user, in both containers.</summary>
    public async Task<List<string>> ListBlobsAsync(Guid userId)
    {
        var service = new BlobServiceClient(backing.BlobConnectionString);
        var names = new List<string>();
        foreach (var container in new[] { BlobNames.OriginalsContainer, BlobNames.ImagesContainer })
        {
            await foreach (var blob in service.GetBlobContainerClient(container).GetBlobsAsync(BlobTraits.None, BlobStates.None, BlobNames.UserPrefix(userId), CancellationToken.None))
            {
                names.Add($"{container}/{blob.Name}");
            }
        }

        return names;
    }

    internal async Task<List<Photo>> RowsAsync(Guid userId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PhotosDbContext>().Photos.AsNoTracking()
            .Where(p => p.UserId == userId).ToListAsync();
    }

    /// <summary>
    /// Raises a control event through each host's outbox and waits until the probe has them all: an outbox publishes
    /// in commit order and the probe's queue delivers in order, so whatever was raised before has arrived by then.
    /// </summary>
    public async Task EarlierEventsArrivedAsync(EventProbe probe, params PhotosHost[] hosts)
    {
        var controls = new HashSet<Guid>();
        foreach (var host in hosts)
        {
            var control = new PrimaryPhotoChanged(Guid.NewGuid(), null, DateTimeOffset.UtcNow);
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PhotosDbContext>();
            db.AddIntegrationEvent(control);
            await db.SaveChangesAsync();
            controls.Add(control.UserId);
        }

        await Eventually.UntilAsync(() => probe.All<PrimaryPhotoChanged>(e => controls.Contains(e.UserId)).Count == controls.Count, "the control events");
    }

    /// <summary>Publishes on the host's own bus, as another service would on the broker.</summary>
    public Task PublishAsync<T>(T message)
        where T : class => Host.Services.GetRequiredService<IBus>().Publish(message);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
