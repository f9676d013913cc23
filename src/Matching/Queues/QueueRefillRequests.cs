using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Dating.Matching.Queues;

/// <summary>Users whose queue ran low, waiting for the background refill; each at most once in line.</summary>
internal sealed class QueueRefillRequests
{
    private readonly Channel<Guid> _channel = Channel.CreateBounded<Guid>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite });

    private readonly ConcurrentDictionary<Guid, byte> _pending = new();

    public void Request(Guid userId)
    {
        if (_pending.TryAdd(userId, 0) && !_channel.Writer.TryWrite(userId))
        {
            _pending.TryRemove(userId, out _);
        }
    }

    public async IAsyncEnumerable<Guid> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var userId in _channel.Reader.ReadAllAsync(ct))
        {
            _pending.TryRemove(userId, out _);
            yield return userId;
        }
    }
}
