using Azure.Storage.Blobs;
using Dating.BuildingBlocks.Messaging;
using Dating.BuildingBlocks.Persistence;
using Dating.BuildingBlocks.Sessions;
using Dating.Photos.Data;
using Dating.Photos.Gallery;
using Dating.Photos.IntegrationEvents;
using Dating.Photos.Library;
using Dating.Photos.Processing;
using Dating.Photos.Storage;
using Dating.Photos.Uploads;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Dating.Photos;

/// <summary>The Photos module: uploads, processing and signed URLs, over the <c>photos</c> database and the blob store.</summary>
public static class Extensions
{
    public static IHostApplicationBuilder AddPhotos(this IHostApplicationBuilder builder)
    {
        builder.AddSessionAuthentication();
        builder.AddModuleDatabase<PhotosDbContext>("photos", PhotosDbContext.Schema);

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<PhotoOptions>()
            .BindConfiguration(PhotoOptions.SectionName)
            .Validate(
                o => o.SignedUrlLifetime > TimeSpan.Zero && o.MaxDecodedPixels > 0 && o.ProcessingTimeout > TimeSpan.Zero && o.StalledSweepInterval > TimeSpan.Zero,
                "Photos: SignedUrlLifetime, MaxDecodedPixels, ProcessingTimeout and StalledSweepInterval must be positive.")
            .ValidateOnStart();

        // The module's own client (not a shared BlobServiceClient registration): it must hold the account key to sign URLs.
        services.AddSingleton(provider => new PhotoBlobStore(
            new BlobServiceClient(
                provider.GetRequiredService<IConfiguration>().GetConnectionString("blobs")
                    ?? throw new InvalidOperationException("ConnectionStrings:blobs is not configured."),
                BlobClientDefaults.Options()),
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<PhotoOptions>>(),
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<BlobStorageState>();
        services.AddHostedService<BlobContainerInitializer>();
        services.AddHealthChecks().AddCheck<BlobStorageHealthCheck>("photos-blobs");
        services.AddSingleton<ImageProcessor>();
        services.AddSingleton<PhotoLinks>();
        services.AddScoped<PhotoUploads>();
        services.AddScoped<PhotoOrdering>();
        services.AddScoped<PhotoDeletion>();
        services.AddSingleton<StalledPhotoSweep>();
        services.AddHostedService(provider => provider.GetRequiredService<StalledPhotoSweep>());

        builder.AddModuleMessaging<PhotosDbContext>(consumers => consumers
            .AddConsumer<PhotoUploadedConsumer>()
            .AddConsumer<DeletedPhotoBlobsConsumer>()
            .AddConsumer<ProfileDeletedConsumer>());
        return builder;
    }

    public static IEndpointRouteBuilder MapPhotos(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/photos")
            .WithTags("Photos")
            .AddEndpointFilter<BackingServiceUnavailableFilter>()
            .AddEndpointFilter<BlobStorageUnavailableFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .MapUploadEndpoints()
            .MapPhotoReadingEndpoints()
            .MapPhotoOrderEndpoints()
            .MapPhotoDeletionEndpoints();
        return app;
    }
}
