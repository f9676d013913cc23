using System.Collections.Concurrent;

namespace Dating.Benchmarks.Faults;

/// <summary>A swipe the API acknowledged (200), with the match it reported, if any.</summary>
public sealed record AcknowledgedSwipe(Guid SwiperId, Guid TargetId, bool Like, Guid? MatchId);

/// <summary>A message the API acknowledged (201), with the id it gave.</summary>
public sealed record AcknowledgedMessage(Guid MessageId, Guid MatchId, Guid SenderId, Guid RecipientId, string Text, DateTimeOffset SentAt, DateTimeOffset AcknowledgedAt);

/// <summary>A bio the API acknowledged (200 on PUT /api/profiles/me).</summary>
public sealed record AcknowledgedBio(Guid UserId, string Bio);

/// <summary>A photo upload the API accepted (202): from then on it must end ready.</summary>
public sealed record AcknowledgedPhoto(Guid UserId, Guid PhotoId);

/// <summary>
/// What the API acknowledged during a fault run, and what each user's open hub connection received: the history the
/// invariants are checked against. Safe to record into from many requests at once.
/// </summary>
public sealed class FaultHistory
{
    private readonly ConcurrentQueue<AcknowledgedSwipe> _swipes = new();
    private readonly ConcurrentQueue<AcknowledgedMessage> _messages = new();
    private readonly ConcurrentQueue<AcknowledgedBio> _bios = new();
    private readonly ConcurrentQueue<AcknowledgedPhoto> _photos = new();
    private readonly ConcurrentQueue<(Guid Recipient, Guid MessageId)> _deliveries = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentQueue<(DateTimeOffset From, DateTimeOffset? To)>> _gaps = new();
    private readonly ConcurrentDictionary<string, byte> _unacknowledgedTexts = new();

    public IReadOnlyCollection<AcknowledgedSwipe> Swipes => _swipes;

    public IReadOnlyCollection<AcknowledgedMessage> Messages => _messages;

    public IReadOnlyCollection<AcknowledgedBio> Bios => _bios;

    public IReadOnlyCollection<AcknowledgedPhoto> Photos => _photos;

    /// <summary>Each <c>message</c> event a user's hub connection received, in arrival order.</summary>
    public IReadOnlyCollection<(Guid Recipient, Guid MessageId)> Deliveries => _deliveries;

    /// <summary>
    /// How long a message may take from its acknowledgement to the recipient's connection: the server publishes it before
    /// it answers, so this only covers the hop from the backplane to the socket on a loaded machine.
    /// </summary>
    public static TimeSpan DeliveryGrace { get; } = TimeSpan.FromSeconds(2);

    /// <summary>Texts of sends that failed or timed out: the server may or may not have stored them, but at most once.</summary>
    public IReadOnlyCollection<string> UnacknowledgedTexts => (IReadOnlyCollection<string>)_unacknowledgedTexts.Keys;

    public void Swiped(AcknowledgedSwipe swipe) => _swipes.Enqueue(swipe);

    public void Sent(AcknowledgedMessage message) => _messages.Enqueue(message);

    public void SendFailed(string text) => _unacknowledgedTexts.TryAdd(text, 0);

    public void BioChanged(AcknowledgedBio bio) => _bios.Enqueue(bio);

    public void PhotoAccepted(AcknowledgedPhoto photo) => _photos.Enqueue(photo);

    public void Delivered(Guid recipient, Guid messageId) => _deliveries.Enqueue((recipient, messageId));

    /// <summary>The user's hub connection dropped at <paramref name="at"/>: until it is back, messages may miss them, never reach them twice.</summary>
    public void Disconnected(Guid user, DateTimeOffset at) => _gaps.GetOrAdd(user, _ => new()).Enqueue((at, null));

    /// <summary>The user's hub connection is open again: it closes the gap that <see cref="Disconnected"/> opened last.</summary>
    public void Reconnected(Guid user, DateTimeOffset at)
    {
        if (_gaps.TryGetValue(user, out var gaps) && gaps.LastOrDefault() is { To: null } open)
        {
            var closed = new ConcurrentQueue<(DateTimeOffset, DateTimeOffset?)>(gaps.Select(g => g == open ? (g.From, at) : g));
            _gaps[user] = closed;
        }
    }

    /// <summary>
    /// Whether the recipient's connection stayed open from the send until the delivery was due: only then must the
    /// message have reached it.
    /// </summary>
    public bool StayedOpenFor(AcknowledgedMessage message) =>
        !_gaps.TryGetValue(message.RecipientId, out var gaps)
        || !gaps.Any(g => g.From <= message.AcknowledgedAt + DeliveryGrace && (g.To ?? DateTimeOffset.MaxValue) >= message.SentAt);
}
