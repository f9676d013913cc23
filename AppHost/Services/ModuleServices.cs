using Dating.AppHost.Options;
using Dating.BuildingBlocks.Modules;

namespace Dating.AppHost.Services;

/// <summary>Adds the replicas of one service: <see cref="ServiceReplicas.Add{TProject}"/> for its project.</summary>
public delegate ServiceReplicas AddService(IDistributedApplicationBuilder builder, string name, int basePort, int running, int spares, LocalPorts ports);

/// <summary>
/// The host project each module of the catalog runs in as a service: the one place the app host names a module's own
/// type. A catalog entry missing here stops the start.
/// </summary>
public static class ModuleServices
{
    private static readonly Dictionary<ModuleEntry, AddService> HostProjects = new()
    {
        [ModuleCatalog.Profiles] = ServiceReplicas.Add<Projects.Dating_Profiles_Host>,
        [ModuleCatalog.Photos] = ServiceReplicas.Add<Projects.Dating_Photos_Host>,
        [ModuleCatalog.Matching] = ServiceReplicas.Add<Projects.Dating_Matching_Host>,
        [ModuleCatalog.Chat] = ServiceReplicas.Add<Projects.Dating_Chat_Host>,
    };

    public static AddService Of(ModuleEntry module) =>
        HostProjects.GetValueOrDefault(module)
        ?? throw new InvalidOperationException($"The app host has no project for the module '{module.Name}': add its {module.HostProject} to {nameof(ModuleServices)}.");
}
