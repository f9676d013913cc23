using System.Text.RegularExpressions;
using Dating.BuildingBlocks.Modules;

namespace Dating.Benchmarks.Comparison;

/// <summary>
/// A change measured against the stack as it ships, in the same run: settings for every .NET process of both
/// topologies alike (a runtime knob such as <c>DOTNET_gcServer=0</c>, or a configuration switch such as an empty
/// <c>Sessions__ForwardingKey</c>), or for one process's replicas only when the key names it (<c>gateway/KEY=VALUE</c>:
/// see <see cref="Dating.Stacks.StackStart.Environment"/>), or another git revision's code (<c>NAME:@REV</c>: every .NET
/// process runs that revision's Release build, see <see cref="Revision"/>). <c>compare --variant NAME:KEY=VALUE,KEY=VALUE</c>
/// or <c>NAME:@REV,KEY=VALUE,…</c>, repeatable.
/// </summary>
public sealed partial record RuntimeVariant(string Name, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>
    /// Scaling up, backwards: the stack on one CPU (its processes confined with <see cref="Load.CpuAffinity"/> once
    /// started, and .NET told so, as on a 1-CPU machine), the mixed session only. Part of the <c>scaling</c> experiment.
    /// </summary>
    public static RuntimeVariant OneCpu { get; } = new("1-cpu", new Dictionary<string, string> { ["DOTNET_PROCESSOR_COUNT"] = "1" }) { Cpus = 1 };

    /// <summary>The processes a setting can be for alone (<c>gateway/KEY=VALUE</c>): the gateway, each service, the monolith.</summary>
    public static IReadOnlyList<string> Processes { get; } = ["gateway", .. ModuleCatalog.All.Select(module => module.Name), "monolith"];

    /// <summary>CPUs the stack's processes are confined to (null: the machine's all).</summary>
    public int? Cpus { get; init; }

    /// <summary>
    /// A git revision (<c>HEAD~1</c>, a commit) whose code every .NET project of the stack runs, built in Release, under the
    /// app host's model as checked out (null: the code as checked out). The code change's effect alone, before and after in one run.
    /// </summary>
    public string? Revision { get; init; }

    /// <summary>A topology's label under this variant: <c>microservices [workstation-gc]</c>.</summary>
    public string Label(string topology) => $"{topology} [{Name}]";

    public string Describe() =>
        $"{Name}: {string.Join(", ", (Revision is null ? [] : new[] { $"the code of @{Revision}" }).Concat(Environment.Select(e => $"{e.Key}={e.Value}")))}";

    /// <summary>
    /// Parses <c>NAME:KEY=VALUE,KEY=VALUE</c> (an empty value unsets a setting), with at most one <c>@REV</c> among them;
    /// null with the mistake said.
    /// </summary>
    public static RuntimeVariant? Parse(string text, out string? mistake)
    {
        mistake = null;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? text : text[..colon];
        if (!VariantName().IsMatch(name))
        {
            mistake = $"'{text}' needs a name of lower-case letters, digits and dashes before the colon (NAME:KEY=VALUE,…).";
            return null;
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        string? revision = null;
        foreach (var setting in colon < 0 ? [] : text[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (setting.StartsWith('@'))
            {
                if (!RevisionName().IsMatch(setting[1..]))
                {
                    mistake = $"'{setting}' in '{text}' is not @REV with a git revision (letters, digits and ~^._/-, such as @HEAD~1).";
                    return null;
                }

                if (revision is not null)
                {
                    mistake = $"'{setting}' in '{text}' is a second revision: a variant runs one revision's code.";
                    return null;
                }

                revision = setting[1..];
                continue;
            }

            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            var key = equals <= 0 ? "" : setting[..equals];
            if (!SettingName().IsMatch(key) || !environment.TryAdd(key, setting[(equals + 1)..]))
            {
                mistake = $"'{setting}' in '{text}' is not KEY=VALUE with a new environment variable name.";
                return null;
            }

            if (key.Split('/') is [var process, _] && !Processes.Contains(process))
            {
                mistake = $"'{setting}' in '{text}' is for '{process}', which is none of the stack's processes ({string.Join(", ", Processes)}).";
                return null;
            }
        }

        if (environment.Count == 0 && revision is null)
        {
            mistake = $"'{text}' sets nothing: NAME:KEY=VALUE,… or NAME:@REV.";
            return null;
        }

        return new RuntimeVariant(name, environment) { Revision = revision };
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex VariantName();

    // What git takes for a revision here: a name, a commit, HEAD~1, main^2; not an option (-x) nor a range (a..b).
    [GeneratedRegex(@"^(?!-)(?!.*\.\.)[A-Za-z0-9~^._/-]+$")]
    private static partial Regex RevisionName();

    // An environment variable's name, optionally after the name of the one process it is for (gateway/NAME).
    [GeneratedRegex("^([a-z][a-z0-9-]*/)?[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex SettingName();
}
