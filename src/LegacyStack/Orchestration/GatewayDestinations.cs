using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dating.AppHost.Orchestration;

/// <summary>
/// The file the gateway takes its destinations from and watches (<c>Gateway__DestinationsFile</c>): the
/// gateway's <c>services__&lt;name&gt;__http__&lt;i&gt;</c> variables as JSON configuration. Written whole and
/// renamed into place, so the gateway never reads half a file.
/// </summary>
internal static class GatewayDestinations
{
    public const string EnvironmentVariable = "Gateway__DestinationsFile";

    private const string Prefix = "services__";

    public static void Write(string path, IReadOnlyDictionary<string, string?> gatewayEnvironment)
    {
        var root = new JsonObject();
        foreach (var (name, value) in gatewayEnvironment.Where(e => e.Key.StartsWith(Prefix, StringComparison.Ordinal)).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var node = root;
            var parts = name.Split("__");
            foreach (var part in parts[..^1])
            {
                node = node[part] as JsonObject ?? (JsonObject)(node[part] = new JsonObject());
            }

            node[parts[^1]] = value;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllText(temporary, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temporary, path, overwrite: true);
    }
}
