using System.Text.RegularExpressions;
using Dating.BuildingBlocks.Modules;

namespace Dating.Architecture.Tests;

/// <summary>
/// Where C# source names a module by what the catalog holds: a string literal that is exactly its name, its database
/// or one of its route prefixes (with or without the leading slash), or its default port as a number. Comments do not count.
/// </summary>
internal static partial class ModuleListings
{
    public sealed record Finding(string File, int Line, string Literal)
    {
        public override string ToString() => $"{File}:{Line} {Literal}";
    }

    private static readonly HashSet<string> Names = new(
        ModuleCatalog.All.SelectMany(module => (string[])[
            module.Name,
            module.Database,
            .. module.RoutePrefixes,
            .. module.RoutePrefixes.Select(prefix => prefix.TrimStart('/')),
        ]),
        StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Ports = [.. ModuleCatalog.All.Select(module => module.DefaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    public static IEnumerable<Finding> In(string file, string source) =>
        Tokens().Matches(source)
            .Where(token => token.Groups["string"].Success ? Names.Contains(token.Groups["string"].Value) : token.Groups["number"].Success && Ports.Contains(token.Value))
            .Select(token => new Finding(file, source.AsSpan(0, token.Index).Count('\n') + 1, token.Value));

    // Comments and character literals are matched only to be skipped; a string's text is the group "string".
    [GeneratedRegex(""""
        //[^\n]*|/\*.*?\*/|"{3,}(?<string>.*?)"{3,}|@"(?<string>(?:[^"]|"")*)"|"(?<string>(?:[^"\\\n]|\\.)*)"|'(?:[^'\\\n]|\\.)+'|(?<number>\b\d+\b)
        """", RegexOptions.Singleline)]
    private static partial Regex Tokens();
}
