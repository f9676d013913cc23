using Dating.BuildingBlocks.Messaging;
using Dating.BuildingBlocks.Sessions;
using Dating.Chat;
using Dating.Matching;
using Dating.Monolith.Databases;
using Dating.Monolith.Docs;
using Dating.Photos;
using Dating.Profiles;

// Every module in one process: the same modules as the microservices, wired by this host alone
// (one database, the in-memory bus, and what the gateway does at the edge).
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.UseOneDatabaseForEveryModule();
builder.AddProfiles();
builder.AddPhotos();
builder.AddMatching();
builder.AddChat();
builder.AddMessageBus(MessageBusTransport.InMemory);
builder.AddAuthRateLimiting();
builder.AddModuleApiDocuments();

var app = builder.Build();

app.UseServiceDefaults();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapApiDocs();
app.MapProfiles();
app.MapPhotos();
app.MapMatching();
app.MapChat();
app.MapWebClient();

app.Run();
