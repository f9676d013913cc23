namespace Dating.BuildingBlocks.Messaging;

/// <summary>Where the process's one bus carries messages; the host decides, never the module.</summary>
public enum MessageBusTransport
{
    /// <summary>RabbitMQ at <c>ConnectionStrings:rabbitmq</c> (an amqp URI): the microservices.</summary>
    RabbitMq,

    /// <summary>
    /// In-process delivery through MassTransit's mediator: the monolith, where every module shares one process. The
    /// outbox's relay calls the consumers itself, so a row is marked sent only once they have handled it.
    /// </summary>
    InProcess,
}
