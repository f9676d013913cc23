using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Dating.ServiceDefaults.Tests;

// A host whose fallback policy demands a user: the operational endpoints stay open, and a 401 is a problem too.
public sealed class FallbackAuthorizationTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static Task<TestApp> StartLockedDownAsync() => TestApp.StartAsync(builder =>
    {
        builder.Services.AddAuthentication(RequireUserAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, RequireUserAuthenticationHandler>(RequireUserAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    });

    [Theory]
    [InlineData("/health")]
    [InlineData("/alive")]
    [InlineData("/metrics")]
    [InlineData("/openapi/v1.json")]
    public async Task Operational_endpoints_need_no_user(string path)
    {
        await using var app = await StartLockedDownAsync();

        var response = await app.Client.GetAsync(path, Cancellation);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_anonymous_call_to_an_api_is_a_401_problem()
    {
        await using var app = await StartLockedDownAsync();

        var response = await app.Client.GetAsync("/items", Cancellation);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }
}
