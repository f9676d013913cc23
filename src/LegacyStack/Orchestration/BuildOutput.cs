using System.Reflection;
using Dating.AppHost.BackingServices;

namespace Dating.AppHost.Orchestration;

/// <summary>Where a service's build output is: the AppHost builds its services (project references), in its own configuration.</summary>
public static class BuildOutput
{
    public static string Configuration { get; } =
        typeof(BuildOutput).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "Configuration")?.Value ?? "Debug";

    public static string AssemblyPath(ServiceDefinition service)
    {
        var path = Path.Combine(RepositoryPaths.Root, service.ProjectDirectory, "bin", Configuration, "net10.0", service.AssemblyName + ".dll");
        return File.Exists(path)
            ? path
            : throw new StackConfigurationException(
                $"{service.Name}: {path} is missing. Build the solution first (`dotnet build`), or run through `dotnet run --project AppHost`, which builds every service.");
    }
}
