using Microsoft.Playwright;

namespace Dating.EndToEnd.Tests.Browser;

/// <summary>
/// Screenshots the browser tests take. Every run writes them to .local/screenshots/ (git-ignored); the README's
/// copies in src/WebClient/screenshots/ are written when missing, or on every run with DATING_UPDATE_SCREENSHOTS=1, so a
/// plain test run never leaves the work tree changed.
/// </summary>
internal static class Screenshots
{
    public static string RunFolder => Path.Combine(RepositoryFolder.Root, ".local", "screenshots");

    public static string DocsFolder => Path.Combine(RepositoryFolder.Root, "src", "WebClient", "screenshots");

    private static bool UpdateDocs => Environment.GetEnvironmentVariable("DATING_UPDATE_SCREENSHOTS") is "1" or "true";

    public static async Task SaveAsync(IPage page, string name, bool fullPage = false, bool docs = true)
    {
        Directory.CreateDirectory(RunFolder);
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Png, FullPage = fullPage });
        await File.WriteAllBytesAsync(Path.Combine(RunFolder, name + ".png"), png);

        var path = Path.Combine(DocsFolder, name + ".png");
        if (docs && (UpdateDocs || !File.Exists(path)))
        {
            Directory.CreateDirectory(DocsFolder);
            await File.WriteAllBytesAsync(path, png);
        }
    }
}
