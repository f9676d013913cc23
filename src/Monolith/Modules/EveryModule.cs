using Dating.BuildingBlocks.Modules;
using Dating.Chat;
using Dating.Matching;
using Dating.Photos;
using Dating.Profiles;

namespace Dating.Monolith.Modules;

/// <summary>
/// Every module of the catalog, registered and mapped in its order. The one place the monolith names a module's own
/// methods; a catalog entry missing here stops the start.
/// </summary>
internal static class EveryModule
{
    private sealed record Registration(Action<IHostApplicationBuilder> Add, Action<IEndpointRouteBuilder> Map);

    private static readonly Dictionary<ModuleEntry, Registration> Registrations = new()
    {
        [ModuleCatalog.Profiles] = new(builder => builder.AddProfiles(), app => app.MapProfiles()),
        [ModuleCatalog.Photos] = new(builder => builder.AddPhotos(), app => app.MapPhotos()),
        [ModuleCatalog.Matching] = new(builder => builder.AddMatching(), app => app.MapMatching()),
        [ModuleCatalog.Chat] = new(builder => builder.AddChat(), app => app.MapChat()),
    };

    public static IHostApplicationBuilder AddEveryModule(this IHostApplicationBuilder builder)
    {
        foreach (var module in ModuleCatalog.All)
        {
            RegistrationOf(module).Add(builder);
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapEveryModule(this IEndpointRouteBuilder app)
    {
        foreach (var module in ModuleCatalog.All)
        {
            RegistrationOf(module).Map(app);
        }

        return app;
    }

    private static Registration RegistrationOf(ModuleEntry module) =>
        Registrations.GetValueOrDefault(module)
        ?? throw new InvalidOperationException($"The monolith does not host the module '{module.Name}': add its Add and Map methods to {nameof(EveryModule)}.");
}
