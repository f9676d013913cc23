namespace Dating.Benchmarks.Faults;

/// <summary>A swipe row in matching's database.</summary>
public sealed record StoredSwipe(Guid SwiperId, Guid TargetId, bool Like);

/// <summary>A match row in matching's database (ended or not).</summary>
public sealed record StoredMatch(Guid MatchId, Guid UserA, Guid UserB, bool Ended);

/// <summary>A message as the conversation's history lists it to its users.</summary>
public sealed record ListedMessage(Guid MessageId, string Text);

/// <summary>A photo as its owner's GET /api/photos/me lists it: ready, failed, or (null) still processing.</summary>
public sealed record ListedPhoto(Guid PhotoId, bool? Ready);

/// <summary>
/// What the system holds for the run's users after a fault, read from the databases, the broker and each user's own
/// views through the public API: what <see cref="FaultInvariants"/> checks the history against.
/// </summary>
public sealed record ObservedState
{
    public required IReadOnlyList<StoredSwipe> Swipes { get; init; }

    public required IReadOnlyList<StoredMatch> Matches { get; init; }

    /// <summary>Per user, the match ids of GET /api/matching/matches.</summary>
    public required IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> MatchLists { get; init; }

    /// <summary>Per user, the match ids of GET /api/chat/conversations.</summary>
    public required IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> Conversations { get; init; }

    /// <summary>Per conversation, its whole history as GET /api/chat/conversations/{id}/messages pages it.</summary>
    public required IReadOnlyDictionary<Guid, IReadOnlyList<ListedMessage>> Messages { get; init; }

    /// <summary>Per user, the bio in profiles' database (the source) and in matching's read model (null when missing there).</summary>
    public required IReadOnlyDictionary<Guid, (string? Source, string? ReadModel)> Bios { get; init; }

    /// <summary>Per user, their photos as GET /api/photos/me lists them.</summary>
    public required IReadOnlyDictionary<Guid, IReadOnlyList<ListedPhoto>> Photos { get; init; }

    /// <summary>Per database, outbox rows not yet sent to the broker.</summary>
    public required IReadOnlyDictionary<string, int> UnsentOutbox { get; init; }

    /// <summary>Per error queue (<c>*_error</c>), the messages waiting in it.</summary>
    public required IReadOnlyDictionary<string, int> ErrorQueues { get; init; }

    /// <summary>
    /// Per other queue of the broker, its messages and consumers as the management API last sampled them (it lags by up
    /// to its statistics interval): not an invariant of its own, but what an event that never arrived was waiting in.
    /// </summary>
    public IReadOnlyDictionary<string, BrokerQueue> Queues { get; init; } = new Dictionary<string, BrokerQueue>();
}

/// <summary>A queue's messages (ready and unacknowledged) and consumers.</summary>
public sealed record BrokerQueue(int Messages, int Consumers);
