using System.Net;
using Dating.BuildingBlocks.Modules;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Dating.Gateway.Tests.Resilience;

// A replica on a free loopback port, reached by the gateway on its HTTP/1.1 endpoint (http) or on its HTTP/2-only
// endpoint (h2c), the two the app host gives every replica.
internal static class TestReplica
{
    public static readonly TheoryData<string> Endpoints = [ServiceEndpoints.Http, ServiceEndpoints.Http2];

    public static WebApplicationBuilder CreateBuilder(string endpoint)
    {
        var builder = WebApplication.CreateSlimBuilder();
        var protocols = endpoint == ServiceEndpoints.Http2 ? HttpProtocols.Http2 : HttpProtocols.Http1;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = protocols));
        return builder;
    }

    // What the replica saw: HTTP/1.1 or HTTP/2.
    public static string ProtocolOf(string endpoint) => endpoint == ServiceEndpoints.Http2 ? "HTTP/2" : "HTTP/1.1";
}
