using System.Reflection;

namespace Dating.AppHost.Hosting;

/// <summary>
/// Starts a project resource's built app directly: what <c>dotnet run</c> would start for it (the SDK's RunCommand,
/// recorded into this assembly as it builds: build/RunCommand.targets), in the project's folder, as
/// <c>dotnet run</c> does. Aspire's own way is <c>dotnet run --no-build</c>, whose process evaluates the project, starts
/// the app as its child and stays beside it for its whole life: about 65 MB (PSS) and two seconds of CPU per replica at
/// every start, for no request (measured: AppHost/README.md, "How each .NET process starts").
/// Aspire runs a project resource with an <see cref="ExecutableAnnotation"/> as that command. Under an IDE's debug
/// session the IDE launches the projects itself, so nothing changes there.
/// </summary>
public static class BuiltProjects
{
    /// <summary>The variable an IDE sets when the app host runs under its debug session (Aspire's own name).</summary>
    private const string DebugSessionPort = "DEBUG_SESSION_PORT";

    private const string Key = "RunCommand:";

    private static readonly IReadOnlyDictionary<string, string> Recorded = typeof(BuiltProjects).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Where(a => a.Key.StartsWith(Key, StringComparison.Ordinal) && !string.IsNullOrEmpty(a.Value))
        .ToDictionary(a => a.Key[Key.Length..], a => a.Value!, StringComparer.Ordinal);

    public static IResourceBuilder<ProjectResource> RunBuiltApp(this IResourceBuilder<ProjectResource> project)
    {
        if (!string.IsNullOrEmpty(project.ApplicationBuilder.Configuration[DebugSessionPort]))
        {
            return project;
        }

        var path = project.Resource.GetProjectMetadata().ProjectPath;
        var command = Recorded.GetValueOrDefault(path)
            ?? throw new InvalidOperationException($"The app host's build recorded no run command for {path}: is it a ProjectReference of AppHost/Dating.AppHost.csproj?");
        return project.WithAnnotation(new ExecutableAnnotation { Command = command, WorkingDirectory = Path.GetDirectoryName(path)! });
    }
}
