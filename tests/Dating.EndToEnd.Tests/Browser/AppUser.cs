using System.Text.Json;
using System.Text.RegularExpressions;
using Dating.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dating.EndToEnd.Tests.Browser;

/// <summary>Someone using the web client in their own browser context (their own storage, so their own session).</summary>
internal sealed partial class AppUser(IBrowserContext context, IPage page, string name) : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public IPage Page => page;

    public string Name => name;

    public List<string> ConsoleErrors { get; } = [];

    /// <summary>Every API answer of 400 or more the page received, as "status METHOD path".</summary>
    public List<string> FailedResponses { get; } = [];

    public static async Task<AppUser> OpenAsync(IBrowser browser, Uri publicUrl, string name)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = publicUrl.ToString(),
            // A phone-sized screen: the layout the README's screenshots show.
            ViewportSize = new ViewportSize { Width = 390, Height = 780 },
            DeviceScaleFactor = 1,
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var user = new AppUser(context, page, name);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                user.ConsoleErrors.Add(message.Text);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                user.FailedResponses.Add($"{response.Status} {response.Request.Method} {new Uri(response.Url).PathAndQuery}");
            }
        };
        return user;
    }

    /// <summary>The signed-in user's id, as the client keeps it with the session.</summary>
    public async Task<string> UserIdAsync()
    {
        var stored = await page.EvaluateAsync<string?>("() => localStorage.getItem('dating.session')");
        stored.ShouldNotBeNull($"{name} has no session in the browser");
        return JsonDocument.Parse(stored).RootElement.GetProperty("userId").GetString()!;
    }

    public async Task RegisterAsync(Profile profile)
    {
        await page.GotoAsync("/register");
        await FillSignUpAsync(profile);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(PhotosPath());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My photos" })).ToBeVisibleAsync();
    }

    public async Task FillSignUpAsync(Profile profile)
    {
        var form = page.GetByRole(AriaRole.Form, new() { Name = "Create an account" });
        await form.GetByLabel("E-mail").FillAsync(profile.Email);
        await form.GetByLabel("Password").FillAsync(profile.Password);
        await form.GetByLabel("Display name").FillAsync(profile.DisplayName);
        await form.GetByLabel("Birth date").FillAsync(profile.BirthDate);
        await form.GetByLabel("I am").SelectOptionAsync(profile.Gender);
        foreach (var gender in profile.InterestedIn)
        {
            await form.Locator($"input[name=interestedIn][value={gender}]").CheckAsync();
        }

        await form.GetByLabel("About me").FillAsync(profile.Bio);
        await form.GetByLabel("Latitude").FillAsync(profile.Latitude.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await form.GetByLabel("Longitude").FillAsync(profile.Longitude.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Uploads through the photos screen and waits until the server has processed the photo.</summary>
    public async Task UploadPhotoAsync(byte[] jpeg, int readyAfterwards = 1)
    {
        await page.GetByTestId("photo-input").SetInputFilesAsync(new FilePayload { Name = $"{name}.jpg", MimeType = "image/jpeg", Buffer = jpeg });
        await Expect(page.Locator("[data-testid=photo][data-status=ready]")).ToHaveCountAsync(readyAfterwards, new() { Timeout = (float)Patience.TotalMilliseconds });
        await Expect(page.Locator("[data-testid=photo] img")).ToHaveCountAsync(readyAfterwards);
    }

    /// <summary>The ids of the photos on the photos screen, in their order (the first is the primary one).</summary>
    public async Task<string[]> PhotoOrderAsync() =>
        [.. (await page.Locator("[data-testid=photo]").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.photoId)"))];

    public async Task LogInAsync(string email, string password)
    {
        await page.GotoAsync("/login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Opens the deck until <paramref name="userId"/>'s card is on top with its photo loaded: the matching service
    /// learns of new people and photos through events, so the first looks may come too early.
    /// </summary>
    public async Task<ILocator> FindOnDeckAsync(string userId)
    {
        var card = page.Locator($"[data-testid=card][data-user-id='{userId}']");
        await Eventually.UntilAsync(
            async () =>
            {
                await page.GotoAsync("/");
                await page.Locator("[data-testid=card], [data-testid=empty-state]").First.WaitForAsync();
                return await card.IsVisibleAsync() && await HasLoadedPhotoAsync(card);
            },
            $"{userId} on top of {name}'s deck with a photo",
            Patience);
        return card;
    }

    private static async Task<bool> HasLoadedPhotoAsync(ILocator card)
    {
        try
        {
            var image = card.Locator("img.photo").First;
            await image.WaitForAsync(new() { Timeout = 5000 });
            return await image.EvaluateAsync<bool>("img => img.decode().then(() => img.naturalWidth > 0, () => false)");
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Drags the card to the right past the like threshold, as a finger or a mouse would.</summary>
    public async Task DragRightAsync(ILocator card)
    {
        var box = await card.BoundingBoxAsync() ?? throw new InvalidOperationException("The card is not on screen.");
        var (x, y) = (box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x + box.Width * 0.6f, y + 20, new() { Steps = 12 });
        await page.Mouse.UpAsync();
    }

    public async Task OpenConversationFromMatchesAsync(string displayName)
    {
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Matches" }).ClickAsync();
        await page.GetByTestId("match").Filter(new() { HasText = displayName }).ClickAsync();
        await Expect(page).ToHaveURLAsync(ConversationPath());
    }

    public async Task SendAsync(string text)
    {
        await page.GetByLabel("Message").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(page.GetByTestId("message").Filter(new() { HasText = text })).ToBeVisibleAsync();
    }

    /// <summary>Marks the document so that a later check can tell it was never reloaded.</summary>
    public Task MarkDocumentAsync() => page.EvaluateAsync("() => { window.__sameDocument = true; }");

    public Task<bool> IsSameDocumentAsync() => page.EvaluateAsync<bool>("() => window.__sameDocument === true");

    public async ValueTask DisposeAsync() => await context.CloseAsync();

    [GeneratedRegex("/photos$")]
    private static partial Regex PhotosPath();

    [GeneratedRegex("/matches/[0-9a-f-]{36}$")]
    private static partial Regex ConversationPath();
}
