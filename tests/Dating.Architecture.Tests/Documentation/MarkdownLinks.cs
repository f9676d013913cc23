using System.Text.RegularExpressions;

namespace Dating.Architecture.Tests.Documentation;

/// <summary>
/// The relative links of the repository's Markdown pages (the README and each folder's page link each other), checked
/// as GitHub renders them: the file must exist, and an anchor must name a heading of the page it points at.
/// </summary>
internal static partial class MarkdownLinks
{
    /// <summary>Folders that hold no page of ours: installed packages, build output, local state.</summary>
    private static readonly HashSet<string> Skipped = ["node_modules", "bin", "obj", ".git", ".local", "results"];

    /// <summary>Every <c>*.md</c> of ours under <paramref name="root"/>.</summary>
    public static IEnumerable<string> Pages(string root) =>
        Directory.EnumerateFiles(root, "*.md")
            .Concat(Directory.EnumerateDirectories(root).Where(d => !Skipped.Contains(Path.GetFileName(d))).SelectMany(Pages));

    /// <summary>Each broken link of a page, as "page: target (why)", relative to <paramref name="root"/>.</summary>
    public static IEnumerable<string> Broken(string root, string page)
    {
        var folder = Path.GetDirectoryName(page)!;
        var anchors = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal); // a page is linked many times: read it once
        foreach (Match link in Link().Matches(WithoutCode(File.ReadAllText(page))))
        {
            var target = link.Groups["target"].Value;
            if (Scheme().IsMatch(target))
            {
                continue;
            }

            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var path = hash < 0 ? target : target[..hash];
            var anchor = hash < 0 ? null : target[(hash + 1)..];
            var file = path.Length == 0 ? page : Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(path)));
            var where = $"{Path.GetRelativePath(root, page)}: {target}";
            if (!File.Exists(file) && !Directory.Exists(file))
            {
                yield return $"{where} (no such file)";
            }
            else if (anchor is not null && file.EndsWith(".md", StringComparison.Ordinal) && !(anchors.TryGetValue(file, out var known) ? known : anchors[file] = Anchors(File.ReadAllText(file))).Contains(anchor))
            {
                yield return $"{where} (no such heading)";
            }
        }
    }

    /// <summary>The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as dashes.</summary>
    public static IReadOnlySet<string> Anchors(string markdown) =>
        Heading().Matches(WithoutCode(markdown)).Select(h => Slug(h.Groups["title"].Value)).ToHashSet(StringComparer.Ordinal);

    public static string Slug(string heading) => NotSlug().Replace(heading.Trim().ToLowerInvariant(), "").Replace(' ', '-');

    /// <summary>Fenced code blocks hold shell comments and examples, neither headings nor links.</summary>
    private static string WithoutCode(string markdown) => Fence().Replace(markdown, "");

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex("^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase)]
    private static partial Regex Scheme();

    [GeneratedRegex(@"^#{1,6} (?<title>.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"[^\p{L}\p{Nd}_\- ]")]
    private static partial Regex NotSlug();

    [GeneratedRegex("^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();
}
