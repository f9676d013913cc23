using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;

namespace Dating.Deployment.Tests.Model;

/// <summary>
/// The image each service's project publishes with <c>dotnet publish -t:PublishContainer</c>, read from the project's
/// own properties (build/Containers.targets) by MSBuild, so a manifest is held to what the build really makes.
/// </summary>
public static class BuiltImages
{
    /// <summary>Image reference by service name, for every service of both app host topologies.</summary>
    public static Task<IReadOnlyDictionary<string, string>> ByService { get; } = ReadAsync();

    private static async Task<IReadOnlyDictionary<string, string>> ReadAsync()
    {
        var services = (await AppHostSystem.Microservices).Concat(await AppHostSystem.Monolith).DistinctBy(s => s.Name);
        var images = new Dictionary<string, string>();
        foreach (var service in services)
        {
            images[service.Name] = await ImageOfAsync(service.ProjectPath);
        }

        return images;
    }

    /// <summary>The dotnet that runs this test host, for builds of the repository's projects.</summary>
    internal static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>
    /// The environment such a build needs: the test host may run inside an MSBuild of its own (dotnet test), whose
    /// paths a nested build must not inherit.
    /// </summary>
    internal static IReadOnlyDictionary<string, string?> OutsideTestBuild => new Dictionary<string, string?>
    {
        ["MSBuildExtensionsPath"] = null, ["MSBUILD_EXE_PATH"] = null, ["MSBuildSDKsPath"] = null,
    };

    private static async Task<string> ImageOfAsync(string project)
    {
        var result = await Cli.Wrap(Dotnet)
            .WithArguments(["msbuild", project, "-getProperty:ContainerRegistry", "-getProperty:ContainerRepository", "-getProperty:ContainerImageTag"])
            .WithEnvironmentVariables(OutsideTestBuild.ToDictionary())
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"dotnet msbuild {project} failed ({result.ExitCode}): {result.StandardOutput}{result.StandardError}");
        }

        var properties = JsonDocument.Parse(result.StandardOutput).RootElement.GetProperty("Properties");
        string Property(string name) => properties.GetProperty(name).GetString() ?? "";
        var repository = Property("ContainerRepository");
        if (repository.Length == 0)
        {
            throw new InvalidOperationException($"{project} builds no container image (no ContainerRepository).");
        }

        var registry = Property("ContainerRegistry");
        return $"{(registry.Length > 0 ? registry + "/" : "")}{repository}:{Property("ContainerImageTag")}";
    }
}
