namespace Dating.Architecture.Tests.Documentation;

/// <summary>The README and the folders' pages link each other; a page moved or a heading renamed must not leave a dead link.</summary>
public sealed class DocumentationLinksTests
{
    [Fact]
    public void Every_relative_link_of_every_page_reaches_its_file_and_heading()
    {
        var pages = MarkdownLinks.Pages(TheSolution.Root).ToList();

        pages.ShouldContain(Path.Combine(TheSolution.Root, "README.md"));
        pages.ShouldContain(Path.Combine(TheSolution.Root, "AppHost", "README.md"));
        pages.SelectMany(page => MarkdownLinks.Broken(TheSolution.Root, page)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("High availability (`--ha`)", "high-availability---ha")]
    [InlineData("Monolith or microservices: the trade-off", "monolith-or-microservices-the-trade-off")]
    [InlineData("What locality buys: matching's card cache under both policies", "what-locality-buys-matchings-card-cache-under-both-policies")]
    [InlineData("Sharding: a shard added online, and swipes per shard count", "sharding-a-shard-added-online-and-swipes-per-shard-count")]
    public void Headings_get_the_anchors_GitHub_gives_them(string heading, string anchor) => MarkdownLinks.Slug(heading).ShouldBe(anchor);

    [Fact]
    public void A_missing_page_and_a_missing_heading_are_reported_and_code_blocks_are_not_read()
    {
        var root = Directory.CreateTempSubdirectory("dating-links-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "docs"));
            File.WriteAllText(Path.Combine(root, "docs", "page.md"), "# A page\n\n## Its part\n");
            File.WriteAllText(Path.Combine(root, "README.md"), """
                # Top
                [fine](docs/page.md#its-part) [here](#top) [web](https://example.com/#x) [image](docs/page.md)
                [gone](docs/other.md) [renamed](docs/page.md#its-old-part)
                ```
                [in code](nowhere.md)
                ```
                """);

            MarkdownLinks.Broken(root, Path.Combine(root, "README.md")).ShouldBe(
            [
                "README.md: docs/other.md (no such file)",
                "README.md: docs/page.md#its-old-part (no such heading)",
            ]);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
