using Dating.BuildingBlocks.Messaging;
using Dating.Profiles;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddProfiles();
builder.AddMessageBus(MessageBusTransport.RabbitMq);

var app = builder.Build();

app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapProfiles();

app.Run();
