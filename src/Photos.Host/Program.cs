using Dating.BuildingBlocks.Messaging;
using Dating.Photos;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPhotos();
builder.AddMessageBus(MessageBusTransport.RabbitMq);

var app = builder.Build();

app.UseServiceDefaults();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapPhotos();

app.Run();
