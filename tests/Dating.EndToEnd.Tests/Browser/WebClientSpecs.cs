using System.Net;
using System.Text.RegularExpressions;
using Dating.EndToEnd.Tests.Stacks;
using Dating.Testing;
using Microsoft.Playwright;
using SkiaSharp;
using static Microsoft.Playwright.Assertions;

namespace Dating.EndToEnd.Tests.Browser;

/// <summary>
/// The web client in Debian's chromium against a whole stack, reached only at its public URL, as people use it.
/// </summary>
public abstract partial class WebClientSpecs(TopologyStack stack) : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly List<AppUser> _users = [];

    private Uri PublicUrl => stack.PublicUrl;

    private IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async ValueTask InitializeAsync()
    {
        // Two cores run both stacks, the browsers and the password hashing: give every expectation time, not 5 s.
        SetDefaultExpectTimeout(30_000);
        var chromium = await DebianChromium.EnsureInstalledAsync(TestContext.Current.CancellationToken);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = DebianChromium.Arguments,
        });
    }

    [Fact]
    public async Task Two_people_sign_up_add_a_photo_like_each_other_see_the_match_and_chat_without_reloading()
    {
        var here = Profile.SomewhereNew();
        var ada = await OpenAsync("Ada");
        var ben = await OpenAsync("Ben");
        await Task.WhenAll(
            ada.RegisterAsync(Profile.Woman("Ada", here, "Climber, amateur astronomer, makes a mean risotto.")),
            ben.RegisterAsync(Profile.Man("Ben", Profile.NorthOf(here, 1), "Jazz pianist. Will cook for compliments.")));
        await Task.WhenAll(
            ada.UploadPhotoAsync(PortraitImages.Jpeg(new SKColor(232, 69, 107))),
            ben.UploadPhotoAsync(PortraitImages.Jpeg(new SKColor(64, 120, 200))));
        var adaId = await ada.UserIdAsync();
        var benId = await ben.UserIdAsync();

        // Ada finds Ben on her deck (name, age, distance and photo on the card) and likes him with the right arrow key.
        var benOnAdasDeck = await ada.FindOnDeckAsync(benId);
        await Expect(benOnAdasDeck).ToContainTextAsync("Ben");
        await Expect(benOnAdasDeck).ToContainTextAsync("km away");
        await Screenshots.SaveAsync(ada.Page, "deck");
        await ada.MarkDocumentAsync();
        await ada.Page.Keyboard.PressAsync("ArrowRight");
        await Expect(benOnAdasDeck).ToBeHiddenAsync();
        await Expect(ada.Page.GetByTestId("match-moment")).ToBeHiddenAsync();

        // Ben drags Ada's card to the right: it's a match, for him at once and for Ada in real time.
        var adaOnBensDeck = await ben.FindOnDeckAsync(adaId);
        await ben.DragRightAsync(adaOnBensDeck);
        var bensMoment = ben.Page.GetByTestId("match-moment");
        await Expect(bensMoment).ToBeVisibleAsync();
        await Expect(bensMoment).ToContainTextAsync("You and Ada like each other");
        var adasMoment = ada.Page.GetByTestId("match-moment");
        await Expect(adasMoment).ToBeVisibleAsync();
        await Expect(adasMoment).ToContainTextAsync("You and Ben like each other");
        await Expect(bensMoment.Locator("img.photo")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(ben.Page, "match");

        // Ben writes from the match moment; Ada opens the conversation from her match list.
        await bensMoment.GetByRole(AriaRole.Button, new() { Name = "Send a message" }).ClickAsync();
        await Expect(ben.Page).ToHaveURLAsync(ConversationPath());
        await adasMoment.GetByRole(AriaRole.Button, new() { Name = "Keep swiping" }).ClickAsync();
        await ada.OpenConversationFromMatchesAsync("Ben");
        await ben.MarkDocumentAsync();

        await ben.SendAsync("Hi Ada! Risotto and a telescope sounds like a perfect evening.");
        await Expect(ada.Page.GetByTestId("message").Filter(new() { HasText = "Risotto and a telescope" })).ToBeVisibleAsync();
        await ada.SendAsync("Ha! Only if you bring the jazz. Thursday?");
        await Expect(ben.Page.GetByTestId("message").Filter(new() { HasText = "Only if you bring the jazz" })).ToBeVisibleAsync();

        // Ada had the conversation open when Ben's message came: he sees that she read it.
        await Expect(ben.Page.GetByTestId("read-receipt")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(ben.Page, "chat");
        (await ada.IsSameDocumentAsync()).ShouldBeTrue("Ada's page was never reloaded");
        (await ben.IsSameDocumentAsync()).ShouldBeTrue("Ben's page was never reloaded");

        // Away from the conversation, Ada's Matches tab counts what she has not read yet, live.
        await ada.Page.GetByRole(AriaRole.Link, new() { Name = "Discover" }).ClickAsync();
        await ben.SendAsync("Thursday it is. 7 pm?");
        await Expect(ada.Page.GetByTestId("unread-total")).ToHaveTextAsync("1");
        await ada.OpenConversationFromMatchesAsync("Ben");
        await Expect(ada.Page.GetByTestId("message").Filter(new() { HasText = "Thursday it is" })).ToBeVisibleAsync();
        await Expect(ada.Page.GetByTestId("unread-total")).ToBeHiddenAsync();

        // Ada unmatches: Ben's open conversation ends in real time.
        await ada.Page.Locator("summary", new() { HasText = "Options" }).ClickAsync();
        await ada.Page.GetByTestId("unmatch").ClickAsync();
        await ada.Page.GetByTestId("unmatch-confirm").ClickAsync();
        await Expect(ada.Page).ToHaveURLAsync(MatchesPath());
        await Expect(ben.Page.GetByText("This conversation has ended")).ToBeVisibleAsync();
        ada.ConsoleErrors.Where(IsUnexpected).ShouldBeEmpty($"Ada's failed responses: {string.Join(", ", ada.FailedResponses)}");
        ben.ConsoleErrors.Where(IsUnexpected).ShouldBeEmpty($"Ben's failed responses: {string.Join(", ", ben.FailedResponses)}");
    }

    [Fact]
    public async Task A_bad_sign_up_shows_the_API_field_errors_at_their_fields()
    {
        var eve = await OpenAsync("Eve");
        await eve.Page.GotoAsync("/register");
        var tooYoung = DateTime.UtcNow.AddYears(-16).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await eve.FillSignUpAsync(Profile.Woman("Eve", (95, 13.4), "") with { Email = "not-an-e-mail", Password = "short", BirthDate = tooYoung });
        await eve.Page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();

        await Expect(eve.Page.GetByTestId("error-email")).ToContainTextAsync("e-mail");
        await Expect(eve.Page.GetByTestId("error-password")).ToContainTextAsync("10");
        await Expect(eve.Page.GetByTestId("error-birthDate")).ToContainTextAsync("18");
        await Expect(eve.Page.GetByTestId("error-location")).ToContainTextAsync("latitude");
        await Expect(eve.Page.GetByRole(AriaRole.Textbox, new() { Name = "E-mail" })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(eve.Page).ToHaveURLAsync(RegisterPath());
        (await eve.Page.EvaluateAsync<string?>("() => localStorage.getItem('dating.session')")).ShouldBeNull();
        await Screenshots.SaveAsync(eve.Page, "sign-up-errors", fullPage: true);
    }

    [Fact]
    public async Task A_session_that_ends_sends_the_user_back_to_log_in_and_logging_in_again_works()
    {
        var here = Profile.SomewhereNew();
        var profile = Profile.Man("Gus", here, "Here for the tests.");
        var gus = await OpenAsync("Gus");
        await gus.RegisterAsync(profile);

        // Logging out ends the session: the app's screens lead back to log in.
        await gus.Page.GotoAsync("/profile");
        await gus.Page.GetByTestId("logout").ClickAsync();
        await Expect(gus.Page).ToHaveURLAsync(LoginPath());
        await gus.Page.GotoAsync("/matches");
        await Expect(gus.Page).ToHaveURLAsync(LoginPath());

        // Log in again; then the server revokes the token behind the app's back: the next call is a 401.
        await gus.Page.GetByLabel("E-mail").FillAsync(profile.Email);
        await gus.Page.GetByLabel("Password").FillAsync(profile.Password);
        await gus.Page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(gus.Page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeVisibleAsync();
        var token = await gus.Page.EvaluateAsync<string>("() => JSON.parse(localStorage.getItem('dating.session')).token");
        using (var http = new HttpClient { BaseAddress = PublicUrl })
        {
            using var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
            logout.Headers.Authorization = new("Bearer", token);
            (await http.SendAsync(logout, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        // Go to the matches in the app (no reload). A background call (the unread count, the hub) may have met
        // the 401 already and left for log in, which is just as right.
        await gus.Page.EvaluateAsync("() => { history.pushState(null, '', '/matches'); dispatchEvent(new PopStateEvent('popstate')); }");
        await Expect(gus.Page).ToHaveURLAsync(LoginPath());
        await Expect(gus.Page.GetByText("Your session has ended")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Photos_are_reordered_and_deleted_preferences_are_saved_and_a_deleted_account_cannot_log_in()
    {
        var profile = Profile.Man("Hal", Profile.SomewhereNew(), "Likes long walks.");
        var hal = await OpenAsync("Hal");
        await hal.RegisterAsync(profile);
        await Expect(hal.Page.GetByTestId("empty-state")).ToContainTextAsync("No photos yet");
        await hal.UploadPhotoAsync(PortraitImages.Jpeg(new SKColor(40, 160, 120)), readyAfterwards: 1);
        await hal.UploadPhotoAsync(PortraitImages.Jpeg(new SKColor(200, 140, 40)), readyAfterwards: 2);
        var uploaded = await hal.PhotoOrderAsync();
        uploaded.Length.ShouldBe(2);

        // The second becomes the primary photo, and stays so.
        var reordered = await hal.Page.RunAndWaitForResponseAsync(
            () => hal.Page.GetByRole(AriaRole.Button, new() { Name = "Make primary" }).ClickAsync(),
            response => response.Url.EndsWith("/api/photos/me/order", StringComparison.Ordinal));
        reordered.Status.ShouldBe(200);
        var photos = hal.Page.Locator("[data-testid=photo]");
        await Expect(photos.First).ToHaveAttributeAsync("data-photo-id", uploaded[1]);
        await Expect(photos.First).ToContainTextAsync("Primary");
        await hal.Page.ReloadAsync();
        await Expect(photos.First).ToHaveAttributeAsync("data-photo-id", uploaded[1]);
        (await hal.PhotoOrderAsync()).ShouldBe([uploaded[1], uploaded[0]]);
        await Screenshots.SaveAsync(hal.Page, "photos", docs: false);
        await hal.Page.Locator($"[data-testid=photo][data-photo-id='{uploaded[0]}']").GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(photos).ToHaveCountAsync(1);
        await hal.Page.ReloadAsync();
        await Expect(photos).ToHaveCountAsync(1);

        // Discovery preferences: the API's error shows at the age range, then a valid change is saved.
        await hal.Page.GotoAsync("/profile");
        var form = hal.Page.GetByRole(AriaRole.Form, new() { Name = "Edit profile" });
        await form.GetByLabel("About me").FillAsync("Likes long walks and short queues.");
        await form.GetByLabel("Interests").FillAsync("hiking, chess");
        await form.GetByLabel("From", new() { Exact = true }).FillAsync("40");
        await form.GetByLabel("To", new() { Exact = true }).FillAsync("30");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(hal.Page.GetByTestId("error-ageRange")).ToContainTextAsync("age range");
        await form.GetByLabel("To", new() { Exact = true }).FillAsync("50");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(hal.Page.GetByText("Saved.")).ToBeVisibleAsync();
        await Expect(hal.Page.GetByTestId("error-ageRange")).ToBeHiddenAsync();
        await hal.Page.ReloadAsync();
        await Expect(form.GetByLabel("About me")).ToHaveValueAsync("Likes long walks and short queues.");
        await Expect(form.GetByLabel("Interests")).ToHaveValueAsync("hiking, chess");
        await Expect(form.GetByLabel("From", new() { Exact = true })).ToHaveValueAsync("40");
        await Expect(form.GetByLabel("To", new() { Exact = true })).ToHaveValueAsync("50");
        await Screenshots.SaveAsync(hal.Page, "profile", fullPage: true, docs: false);

        // Deleting the account logs out, and the account is gone.
        await hal.Page.GetByTestId("delete-account").ClickAsync();
        await hal.Page.GetByTestId("delete-account-confirm").ClickAsync();
        await Expect(hal.Page).ToHaveURLAsync(LoginPath());
        (await hal.Page.EvaluateAsync<string?>("() => localStorage.getItem('dating.session')")).ShouldBeNull();
        await hal.Page.GetByLabel("E-mail").FillAsync(profile.Email);
        await hal.Page.GetByLabel("Password").FillAsync(profile.Password);
        await hal.Page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(hal.Page.GetByTestId("login-error")).ToContainTextAsync("wrong");
    }

    [Fact]
    public async Task Blocking_from_the_conversation_ends_the_match_for_both()
    {
        var ct = TestContext.Current.CancellationToken;
        using var api = new PublicApi(PublicUrl);
        var here = Profile.SomewhereNew();
        var ivy = Profile.Woman("Ivy", here, "Ceramics and cold swims.");
        var jon = Profile.Man("Jon", Profile.NorthOf(here, 2), "Bakes bread at dawn.");
        var (ivyId, ivyToken) = await api.RegisterAsync(ivy, ct);
        var (jonId, jonToken) = await api.RegisterAsync(jon, ct);
        (await api.LikeAsync(jonToken, ivyId, ct)).ShouldBeFalse();
        (await api.LikeAsync(ivyToken, jonId, ct)).ShouldBeTrue();
        // Chat opens the conversation from the match event and then tells both users "matched": wait for that first, or
        // the browser hears it after logging in and its match moment covers the conversation.
        await Eventually.UntilAsync(
            async () => (await api.GetAsync(ivyToken, "/api/chat/conversations", ct)).GetArrayLength() == 1, "chat to open Ivy and Jon's conversation");

        var browser = await OpenAsync("Ivy");
        await browser.LogInAsync(ivy.Email, ivy.Password);
        await browser.OpenConversationFromMatchesAsync("Jon");
        await browser.SendAsync("Hello Jon");
        await browser.Page.Locator("summary", new() { HasText = "Options" }).ClickAsync();
        await browser.Page.GetByTestId("block").ClickAsync();
        await browser.Page.GetByTestId("block-confirm").ClickAsync();

        await Expect(browser.Page).ToHaveURLAsync(MatchesPath());
        await Expect(browser.Page.GetByTestId("empty-state")).ToContainTextAsync("No matches yet");
        (await api.GetAsync(jonToken, "/api/matching/matches", ct)).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task The_client_is_served_at_every_app_path_and_never_in_place_of_the_api()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = PublicUrl };
        var ct = TestContext.Current.CancellationToken;
        foreach (var path in new[] { "/", "/login", "/matches", $"/matches/{Guid.NewGuid()}", "/profile" })
        {
            using var response = await http.GetAsync(path, ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html", path);
            (await response.Content.ReadAsStringAsync(ct)).ShouldContain("<div id=\"root\">", customMessage: path);
        }

        foreach (var path in new[] { "/api/nothing-here", "/api/profiles/me", "/hubs/nothing", "/health", "/alive", "/openapi/nothing.json", "/no-such-file.js" })
        {
            using var response = await http.GetAsync(path, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            body.ShouldNotContain("<div id=\"root\">", customMessage: $"{path} answered with the web client");
        }

        using var script = await http.GetAsync(ScriptPath().Match(await http.GetStringAsync("/", ct)).Value, ct);
        script.StatusCode.ShouldBe(HttpStatusCode.OK);
        script.Headers.CacheControl?.ToString().ShouldContain("immutable");
    }

    private async Task<AppUser> OpenAsync(string name)
    {
        var user = await AppUser.OpenAsync(Browser, PublicUrl, name);
        _users.Add(user);
        return user;
    }

    // A request the browser cancels when a screen closes (an image, a poll) is not a failure of the app.
    private static bool IsUnexpected(string error) => !error.Contains("net::ERR_ABORTED", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        foreach (var user in _users)
        {
            await user.DisposeAsync();
        }

        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        GC.SuppressFinalize(this);
    }

    [GeneratedRegex("/matches/[0-9a-f-]{36}$")]
    private static partial Regex ConversationPath();

    [GeneratedRegex("/matches$")]
    private static partial Regex MatchesPath();

    [GeneratedRegex("/login$")]
    private static partial Regex LoginPath();

    [GeneratedRegex("/register$")]
    private static partial Regex RegisterPath();

    [GeneratedRegex("/assets/[^\"]+\\.js")]
    private static partial Regex ScriptPath();
}
