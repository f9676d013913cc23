using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Dating.Testing;

namespace Dating.Deployment.Tests.Model;

/// <summary>One service as the app host runs it: the project it builds, and the configuration names each replica gets.</summary>
public sealed record AppHostService(string Name, string ProjectPath, IReadOnlySet<string> ConfigurationNames);

/// <summary>
/// The system the app host (AppHost/Program.cs) describes, read from its model without starting anything: its entry
/// point runs through Aspire.Hosting.Testing up to the build, then each project resource's environment callbacks run
/// as for a deployment (publish mode, so without the values only a local run has, such as the dashboard's address).
/// A service is what its replicas share as OTEL_SERVICE_NAME (profiles-0 and profiles-1 are the service profiles).
/// </summary>
public static class AppHostSystem
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>The microservices: the app host's default topology.</summary>
    public static Task<IReadOnlyList<AppHostService>> Microservices { get; } = ReadAsync([]);

    /// <summary>The monolith behind the gateway, as <c>--topology monolith</c> with replicas runs it.</summary>
    public static Task<IReadOnlyList<AppHostService>> Monolith { get; } = ReadAsync(["--topology", "monolith", "--replicas", "monolith=2"]);

    private static async Task<IReadOnlyList<AppHostService>> ReadAsync(string[] arguments)
    {
        // The app host's entry point is run in-process; two at once would share its startup hooks.
        await OneAtATime.WaitAsync();
        try
        {
            await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Dating_AppHost>(["--isolated", .. arguments]);
            try
            {
                var replicas = new List<(string Service, string Project, IEnumerable<string> Names)>();
                foreach (var project in builder.Resources.OfType<ProjectResource>())
                {
                    var environment = await ResourceEnvironment.OfAsync(project, DistributedApplicationOperation.Publish);
                    if (environment.GetValueOrDefault("OTEL_SERVICE_NAME") is string service)
                    {
                        replicas.Add((service, project.GetProjectMetadata().ProjectPath, environment.Keys));
                    }
                }

                return replicas.GroupBy(r => r.Service)
                    .Select(g => new AppHostService(g.Key, g.Select(r => r.Project).Distinct().Single(), g.SelectMany(r => r.Names).ToHashSet()))
                    .ToList();
            }
            finally
            {
                DeleteThrowawayData(builder.Resources);
            }
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    // --isolated makes a throwaway data folder per server at once; only a started stack deletes it when it stops.
    private static void DeleteThrowawayData(IEnumerable<IResource> resources)
    {
        var stacks = Path.Combine(Path.GetTempPath(), "dating-stacks");
        var roots = resources.OfType<ExecutableResource>()
            .Select(server => Path.GetDirectoryName(server.WorkingDirectory))
            .Where(root => root is not null && Path.GetDirectoryName(root) == stacks)
            .Distinct();
        foreach (var root in roots)
        {
            Directory.Delete(root!, recursive: true);
        }
    }
}
