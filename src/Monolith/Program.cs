using Dating.BuildingBlocks.Messaging;
using Dating.BuildingBlocks.Sessions;
using Dating.Monolith.Databases;
using Dating.Monolith.Docs;
using Dating.Monolith.Modules;

// Every module in one process: the same modules as the microservices, wired by this host alone
// (one database, events handled in process by MassTransit's mediator, and what the gateway does at the edge).
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.UseOneDatabaseForEveryModule();
builder.AddEveryModule();
builder.AddMessageBus(MessageBusTransport.InProcess);
builder.AddAuthRateLimiting();
builder.AddModuleApiDocuments();

var app = builder.Build();

app.UseServiceDefaults();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapApiDocs();
app.MapEveryModule();
app.MapWebClient();

app.Run();
