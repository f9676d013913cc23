using Dating.BuildingBlocks.Messaging;
using Dating.Matching;
using Dating.Matching.Seeding;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddMatching();
builder.AddMessageBus(MessageBusTransport.RabbitMq);

var app = builder.Build();

app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();

if (SeedCommand.IsSeedCommand(args))
{
    return await app.RunSeedCommandAsync(args);
}

app.MapDefaultEndpoints();
app.MapMatching();

await app.RunAsync();
return 0;
