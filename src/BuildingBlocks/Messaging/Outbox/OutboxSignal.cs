using System.Threading.Channels;

namespace Dating.BuildingBlocks.Messaging;

/// <summary>Wakes one DbContext's dispatcher after a commit; many signals before it wakes count as one.</summary>
public sealed class OutboxSignal<TDbContext>
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Returns when signalled or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The sweep interval passed without a commit: time to look for leftovers.
        }
    }
}
