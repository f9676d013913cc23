using System.Net;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dating.EndToEnd.Tests.Browser;

/// <summary>
/// app.MapWebClient() in a host like the gateway (every other route needs a session), over a folder of built files:
/// fast checks of what the browser tests rely on, without a stack.
/// </summary>
public sealed class WebClientServingTests : IAsyncLifetime
{
    private const string Index = "<!doctype html><div id=\"root\"></div>";
    private readonly string _folder = Directory.CreateTempSubdirectory("webclient-").FullName;
    private WebApplication? _app;
    private HttpClient? _client;

    private HttpClient Client => _client!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "assets"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "index.html"), Index, Ct);
        await File.WriteAllTextAsync(Path.Combine(_folder, "assets", "index-abc123.js"), "console.log('hi')", Ct);
        await File.WriteAllTextAsync(Path.Combine(_folder, "favicon.svg"), "<svg/>", Ct);
        (_app, _client) = await StartAsync(_folder);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/login")]
    [InlineData("/matches")]
    [InlineData("/matches/3f2b8c1e-1111-4a2b-9c3d-0123456789ab")]
    [InlineData("/some/deep/client/path")]
    public async Task Every_client_path_gets_index_html_without_a_session(string path)
    {
        using var response = await Client.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        (await response.Content.ReadAsStringAsync(Ct)).ShouldBe(Index);
        response.Headers.CacheControl?.NoCache.ShouldBeTrue();
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'self'");
    }

    [Fact]
    public async Task Hashed_assets_are_cached_for_good_and_other_files_revalidated()
    {
        using var script = await Client.GetAsync("/assets/index-abc123.js", Ct);
        script.StatusCode.ShouldBe(HttpStatusCode.OK);
        script.Content.Headers.ContentType?.MediaType.ShouldBe("text/javascript");
        script.Headers.CacheControl?.ToString().ShouldBe("public, max-age=31536000, immutable");

        using var icon = await Client.GetAsync("/favicon.svg", Ct);
        icon.Content.Headers.ContentType?.MediaType.ShouldBe("image/svg+xml");
        icon.Headers.CacheControl?.NoCache.ShouldBeTrue();
    }

    [Theory]
    [InlineData("/api/profiles/me")]
    [InlineData("/api")]
    [InlineData("/API/anything")]
    [InlineData("/hubs/chat/negotiate")]
    [InlineData("/docs")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/health")]
    [InlineData("/alive")]
    [InlineData("/metrics")]
    public async Task The_servers_own_prefixes_are_never_answered_with_the_client(string path)
    {
        using var response = await Client.GetAsync(path, Ct);

        // This host maps none of them, so they fall through to its session check, as unknown API paths do at the gateway.
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldNotContain("id=\"root\"");
    }

    [Fact]
    public async Task A_mapped_api_route_keeps_its_answer()
    {
        (await Client.GetStringAsync("/api/ping", Ct)).ShouldBe("pong");
    }

    [Theory]
    [InlineData("/missing.js")]
    [InlineData("/assets/index-old.js")]
    [InlineData("/.gitignore")]
    public async Task A_missing_file_is_a_404_not_the_app(string path)
    {
        using var response = await Client.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Nothing_outside_the_folder_is_served()
    {
        await File.WriteAllTextAsync(Path.Combine(Path.GetDirectoryName(_folder)!, "secret.txt"), "secret", Ct);

        using var response = await Client.GetAsync("/..%2Fsecret.txt", Ct);

        (await response.Content.ReadAsStringAsync(Ct)).ShouldNotContain("secret");
    }

    [Fact]
    public async Task Only_get_and_head_are_answered()
    {
        using var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/matches"), Ct);
        head.StatusCode.ShouldBe(HttpStatusCode.OK);

        using var post = await Client.PostAsync("/matches", null, Ct);
        post.StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_client_that_was_not_built_says_how_to_build_it()
    {
        var (app, client) = await StartAsync(Path.Combine(_folder, "not-built"));
        await using (app)
        {
            using var response = await client.GetAsync("/matches", Ct);

            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("dotnet build");
        }
    }

    private static async Task<(WebApplication App, HttpClient Client)> StartAsync(string folder)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(NoSession.Name).AddScheme<AuthenticationSchemeOptions, NoSession>(NoSession.Name, null);
        builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/api/ping", () => "pong").AllowAnonymous();
        app.MapWebClient(folder);
        await app.StartAsync(Ct);
        return (app, app.GetTestClient());
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Nobody has a session: like the gateway's check when no token is sent.</summary>
    private sealed class NoSession(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string Name = "no-session";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());
    }
}
