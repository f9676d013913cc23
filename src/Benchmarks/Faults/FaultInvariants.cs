namespace Dating.Benchmarks.Faults;

/// <summary>One invariant and what broke it (empty when it holds).</summary>
public sealed record InvariantResult(string Name, IReadOnlyList<string> Violations)
{
    public bool Holds => Violations.Count == 0;
}

/// <summary>
/// The end-to-end invariants of a fault run: nothing the API acknowledged is missing or doubled, and every effect that
/// follows from it through events (the match's conversation, the read model's profile) arrived exactly once. Pure: it
/// compares a history with an observation, so it is tested against broken ones without a stack.
/// </summary>
public static class FaultInvariants
{
    public const string SwipesStored = "every acknowledged swipe is stored exactly once, as decided";
    public const string OneMatchPerMutualLike = "every mutual like has exactly one match, and no match lacks one";
    public const string MatchesListed = "every match is in both users' match lists, once";
    public const string ConversationsOpened = "every match has its conversation, in both users' lists";
    public const string MessagesStored = "every acknowledged message is in its conversation exactly once, no send stored twice";
    public const string MessagesDelivered = "every message reached the other user's open connection at most once, and at least once if it stayed open";
    public const string ProfilesPropagated = "every profile change reached matching's read model";
    public const string PhotosProcessed = "every accepted photo is listed once and ends ready, none stuck in processing";
    public const string OutboxSent = "no outbox row stays unsent";
    public const string NoErrorQueue = "no message waits in an error queue";

    public static IReadOnlyList<InvariantResult> Check(FaultHistory history, ObservedState observed) =>
    [
        new(SwipesStored, [.. Swipes(history, observed)]),
        new(OneMatchPerMutualLike, [.. Matches(history, observed)]),
        new(MatchesListed, [.. Listed(observed, observed.MatchLists, "match list")]),
        new(ConversationsOpened, [.. WithBroker(Listed(observed, observed.Conversations, "conversation list"), observed)]),
        new(MessagesStored, [.. Messages(history, observed)]),
        new(MessagesDelivered, [.. Deliveries(history)]),
        new(ProfilesPropagated, [.. WithBroker(observed.Bios
            .Where(b => b.Value.Source != b.Value.ReadModel)
            .Select(b => $"{b.Key}: profiles has \"{b.Value.Source}\", matching's read model \"{b.Value.ReadModel}\""), observed)]),
        new(PhotosProcessed, [.. WithBroker(Photos(history, observed), observed)]),
        new(OutboxSent, [.. observed.UnsentOutbox.Where(o => o.Value > 0).Select(o => $"{o.Key}: {o.Value} unsent outbox row(s)")]),
        new(NoErrorQueue, [.. observed.ErrorQueues.Where(q => q.Value > 0).Select(q => $"{q.Key}: {q.Value} message(s)")]),
    ];

    private static IEnumerable<string> Swipes(FaultHistory history, ObservedState observed)
    {
        var stored = observed.Swipes.GroupBy(s => (s.SwiperId, s.TargetId)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var swipe in history.Swipes.DistinctBy(s => (s.SwiperId, s.TargetId)))
        {
            var rows = stored.GetValueOrDefault((swipe.SwiperId, swipe.TargetId)) ?? [];
            if (rows.Count != 1)
            {
                yield return $"{swipe.SwiperId} -> {swipe.TargetId}: acknowledged, stored {rows.Count} time(s)";
            }
            else if (rows[0].Like != swipe.Like)
            {
                yield return $"{swipe.SwiperId} -> {swipe.TargetId}: acknowledged as {Decision(swipe.Like)}, stored as {Decision(rows[0].Like)}";
            }
        }
    }

    private static IEnumerable<string> Matches(FaultHistory history, ObservedState observed)
    {
        var likes = observed.Swipes.Where(s => s.Like).Select(s => (s.SwiperId, s.TargetId)).ToHashSet();
        var matchesByPair = observed.Matches.GroupBy(m => Pair(m.UserA, m.UserB)).ToDictionary(g => g.Key, g => g.ToList());
        var mutual = likes.Where(l => likes.Contains((l.TargetId, l.SwiperId))).Select(l => Pair(l.SwiperId, l.TargetId)).Distinct();
        foreach (var pair in mutual)
        {
            var count = matchesByPair.GetValueOrDefault(pair)?.Count ?? 0;
            if (count != 1)
            {
                yield return $"{pair.Low} and {pair.High} like each other: {count} match(es)";
            }
        }

        foreach (var (pair, matches) in matchesByPair)
        {
            if (!likes.Contains((pair.Low, pair.High)) || !likes.Contains((pair.High, pair.Low)))
            {
                yield return $"match {matches[0].MatchId} of {pair.Low} and {pair.High} without both likes stored";
            }
        }

        foreach (var swipe in history.Swipes.Where(s => s.MatchId is not null))
        {
            var pairMatches = matchesByPair.GetValueOrDefault(Pair(swipe.SwiperId, swipe.TargetId)) ?? [];
            if (!pairMatches.Any(m => m.MatchId == swipe.MatchId))
            {
                yield return $"the swipe {swipe.SwiperId} -> {swipe.TargetId} answered match {swipe.MatchId}, which is not stored for the pair";
            }
        }
    }

    private static IEnumerable<string> Listed(ObservedState observed, IReadOnlyDictionary<Guid, IReadOnlyList<Guid>> lists, string list)
    {
        var active = observed.Matches.Where(m => !m.Ended).ToDictionary(m => m.MatchId);
        foreach (var match in active.Values)
        {
            foreach (var user in new[] { match.UserA, match.UserB })
            {
                var count = lists.GetValueOrDefault(user)?.Count(id => id == match.MatchId) ?? 0;
                if (count != 1)
                {
                    yield return $"match {match.MatchId} is {count} time(s) in {user}'s {list}";
                }
            }
        }

        foreach (var (user, ids) in lists)
        {
            foreach (var id in ids.Where(id => !active.ContainsKey(id)).Distinct())
            {
                yield return $"{user}'s {list} has {id}, which is no active match";
            }
        }
    }

    private static IEnumerable<string> Messages(FaultHistory history, ObservedState observed)
    {
        foreach (var message in history.Messages)
        {
            var count = observed.Messages.GetValueOrDefault(message.MatchId)?.Count(m => m.MessageId == message.MessageId) ?? 0;
            if (count != 1)
            {
                yield return $"message {message.MessageId} (\"{message.Text}\"): acknowledged, listed {count} time(s)";
            }
        }

        // A send that failed or timed out may have been stored; a retry or a redelivery must not store it twice.
        foreach (var (matchId, listed) in observed.Messages)
        {
            foreach (var text in listed.GroupBy(m => m.Text).Where(g => g.Count() > 1).Select(g => g.Key))
            {
                yield return $"\"{text}\" is stored {listed.Count(m => m.Text == text)} times in {matchId}";
            }
        }
    }

    // The run uploads one valid JPEG: a photo that failed lost accepted work as surely as one stuck in processing.
    private static IEnumerable<string> Photos(FaultHistory history, ObservedState observed)
    {
        foreach (var photo in history.Photos)
        {
            var listed = observed.Photos.GetValueOrDefault(photo.UserId)?.Where(p => p.PhotoId == photo.PhotoId).ToList() ?? [];
            var problem = listed switch
            {
                [] => "accepted, not listed",
                [{ Ready: null }] => "still processing",
                [{ Ready: false }] => "failed",
                [_] => null,
                _ => $"listed {listed.Count} times",
            };
            if (problem is not null)
            {
                yield return $"photo {photo.PhotoId} of {photo.UserId}: {problem}";
            }
        }
    }

    private static IEnumerable<string> Deliveries(FaultHistory history)
    {
        var received = history.Deliveries.GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());
        foreach (var ((recipient, messageId), count) in received.Where(r => r.Value > 1))
        {
            yield return $"message {messageId} reached {recipient} {count} times";
        }

        foreach (var message in history.Messages.Where(history.StayedOpenFor))
        {
            if (!received.ContainsKey((message.RecipientId, message.MessageId)))
            {
                yield return $"message {message.MessageId} never reached {message.RecipientId}, whose connection stayed open from the send until it was due";
            }
        }
    }

    /// <summary>
    /// An event's effect missing: the violations, then every queue that still holds messages or has no consumer, which
    /// tells an event never sent from one sent and waiting (a consumer that did not come back after a broker restart).
    /// </summary>
    private static IEnumerable<string> WithBroker(IEnumerable<string> violations, ObservedState observed)
    {
        var listed = violations.ToList();
        return listed.Count == 0
            ? listed
            : listed.Concat(observed.Queues.Where(q => q.Value.Messages > 0 || q.Value.Consumers == 0).OrderBy(q => q.Key, StringComparer.Ordinal)
                .Select(q => $"broker: {q.Key} holds {q.Value.Messages} message(s), {q.Value.Consumers} consumer(s)"));
    }

    private static (Guid Low, Guid High) Pair(Guid a, Guid b) => a.CompareTo(b) < 0 ? (a, b) : (b, a);

    private static string Decision(bool like) => like ? "like" : "pass";
}
