using Dating.BuildingBlocks.Sessions;
using Dating.Gateway;
using Dating.Gateway.Docs;
using Dating.Gateway.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddSessionAuthentication();
builder.AddAuthRateLimiting();
builder.AddGatewayProxy();

var app = builder.Build();

app.UseServiceDefaults();
app.UseClientIdentityHeaderStripping();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapApiDocs();
app.MapGatewayProxy();
app.MapWebClient();

app.Run();
