namespace Dating.BuildingBlocks.Messaging;

/// <summary>Where the process's one bus carries messages; the host decides, never the module.</summary>
public enum MessageBusTransport
{
    /// <summary>RabbitMQ at <c>ConnectionStrings:rabbitmq</c> (an amqp URI): the microservices.</summary>
    RabbitMq,

    /// <summary>In-process delivery: the monolith, where every module shares one process.</summary>
    InMemory,
}
