namespace Dating.AppHost.Orchestration;

/// <summary>A .NET project the AppHost runs as one or more processes (a "project resource" in Aspire's terms).</summary>
/// <param name="Name">The resource name; also the service-discovery name (<c>services:&lt;name&gt;:http:&lt;i&gt;</c>).</param>
/// <param name="ProjectDirectory">Relative to the repository root.</param>
/// <param name="AssemblyName">The project's output assembly.</param>
/// <param name="BasePort">Replica i of the dev stack listens on BasePort + i.</param>
public sealed record ServiceDefinition(string Name, string ProjectDirectory, string AssemblyName, int BasePort)
{
    public const int MaxReplicas = 9;
}
