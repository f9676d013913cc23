using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;

namespace Dating.ServiceDefaults.Tests;

// The shared middleware is called by each host in its Program.cs; a host that forgets it fails at its start, not at a
// request that comes back without a request id or problem details.
public sealed class PipelineTests
{
    [Fact]
    public async Task A_host_that_maps_the_defaults_without_using_them_fails_at_start_naming_the_call()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.AddServiceDefaults();
        await using var app = builder.Build();

        var error = Should.Throw<InvalidOperationException>(() => app.MapDefaultEndpoints());

        error.Message.ShouldContain("app.UseServiceDefaults()");
    }
}
