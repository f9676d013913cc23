using Dating.BuildingBlocks.Messaging;
using Dating.Chat;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddChat();
builder.AddMessageBus(MessageBusTransport.RabbitMq);

var app = builder.Build();

app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapChat();

app.Run();
