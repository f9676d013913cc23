using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Dating.Messaging.Tests;

/// <summary>Looks at the broker directly (passive declares), as an operator would.</summary>
internal static class RabbitMqQueues
{
    /// <summary>Messages ready in the queue, or null when it does not exist.</summary>
    public static async Task<uint?> MessageCountAsync(string connectionString, string queue)
    {
        await using var connection = await Connect(connectionString);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
        try
        {
            var declared = await channel.QueueDeclarePassiveAsync(queue, TestContext.Current.CancellationToken);
            return declared.MessageCount;
        }
        catch (OperationInterruptedException)
        {
            return null;
        }
    }

    public static async Task<bool> ExchangeExistsAsync(string connectionString, string exchange)
    {
        await using var connection = await Connect(connectionString);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
        try
        {
            await channel.ExchangeDeclarePassiveAsync(exchange, TestContext.Current.CancellationToken);
            return true;
        }
        catch (OperationInterruptedException)
        {
            return false;
        }
    }

    private static Task<IConnection> Connect(string connectionString) =>
        new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync(TestContext.Current.CancellationToken);
}
