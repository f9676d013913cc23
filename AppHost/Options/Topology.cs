namespace Dating.AppHost.Options;

public enum Topology
{
    /// <summary>Every service as its own process behind the gateway, RabbitMQ between them.</summary>
    Microservices,

    /// <summary>Every module in one process (in-memory events), alone or N behind the gateway.</summary>
    Monolith,
}
