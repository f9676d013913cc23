using Dating.BuildingBlocks.Messaging;
using Dating.Matching;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddMatching();
builder.AddMessageBus(MessageBusTransport.RabbitMq);

var app = builder.Build();

// Serves, unless a verb (seed; --help lists them) runs against the host's services and exits: it needs only what it uses.
return await app.RunCommandLineAsync(args, serve: ct =>
{
    app.UseServiceDefaults();
    app.UseAuthentication();
    app.UseAuthorization();

    app.MapDefaultEndpoints();
    app.MapMatching();
    return app.RunAsync(ct);
});
