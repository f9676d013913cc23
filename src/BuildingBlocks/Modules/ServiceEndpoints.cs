namespace Dating.BuildingBlocks.Modules;

/// <summary>The endpoints a service's replica offers, by the names service discovery gives them (services__&lt;name&gt;__&lt;endpoint&gt;__&lt;i&gt;).</summary>
public static class ServiceEndpoints
{
    /// <summary>HTTP/1.1: the health checks, curl, the tests; the gateway's too when a replica offers nothing else.</summary>
    public const string Http = "http";

    /// <summary>
    /// HTTP/2 without TLS (h2c, with prior knowledge), for the gateway. Kestrel serves cleartext HTTP/2 only on a port
    /// where it is the one protocol (on an HTTP/1.1-and-2 port it answers HTTP_1_1_REQUIRED), so a replica that offers
    /// it has a second port.
    /// </summary>
    public const string Http2 = "h2c";
}
