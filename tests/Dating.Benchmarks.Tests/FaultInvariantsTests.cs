using Dating.Benchmarks.Faults;

namespace Dating.Benchmarks.Tests;

/// <summary>
/// The fault run's checker, against histories and observations built by hand: a consistent one passes, and each way of
/// losing or doubling something breaks exactly the invariant that names it.
/// </summary>
public sealed class FaultInvariantsTests
{
    private static readonly Guid Ann = new("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Bob = new("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid Cyd = new("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid Match = new("00000000-0000-0000-0000-0000000000ab");
    private static readonly Guid Hello = new("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Again = new("00000000-0000-0000-0000-000000000002");
    private static readonly Guid Portrait = new("00000000-0000-0000-0000-0000000000f1");

    // Ann and Bob liked each other and matched; Ann liked Cyd, who passed; Ann wrote twice, Bob received both; Cyd
    // uploaded a photo.
    private static FaultHistory History()
    {
        var history = new FaultHistory();
        history.Swiped(new AcknowledgedSwipe(Ann, Bob, Like: true, MatchId: null));
        history.Swiped(new AcknowledgedSwipe(Bob, Ann, Like: true, Match));
        history.Swiped(new AcknowledgedSwipe(Ann, Cyd, Like: true, MatchId: null));
        history.Swiped(new AcknowledgedSwipe(Cyd, Ann, Like: false, MatchId: null));
        history.Sent(new AcknowledgedMessage(Hello, Match, Ann, Bob, "hello", At(0), At(1)));
        history.Sent(new AcknowledgedMessage(Again, Match, Ann, Bob, "again", At(10), At(11)));
        history.Delivered(Bob, Hello);
        history.Delivered(Bob, Again);
        history.BioChanged(new AcknowledgedBio(Ann, "new"));
        history.PhotoAccepted(new AcknowledgedPhoto(Cyd, Portrait));
        return history;
    }

    private static ObservedState Observed() => new()
    {
        Swipes = [new(Ann, Bob, true), new(Bob, Ann, true), new(Ann, Cyd, true), new(Cyd, Ann, false)],
        Matches = [new(Match, Ann, Bob, Ended: false)],
        MatchLists = new Dictionary<Guid, IReadOnlyList<Guid>> { [Ann] = [Match], [Bob] = [Match], [Cyd] = [] },
        Conversations = new Dictionary<Guid, IReadOnlyList<Guid>> { [Ann] = [Match], [Bob] = [Match], [Cyd] = [] },
        Messages = new Dictionary<Guid, IReadOnlyList<ListedMessage>> { [Match] = [new(Again, "again"), new(Hello, "hello")] },
        Bios = new Dictionary<Guid, (string?, string?)> { [Ann] = ("new", "new"), [Bob] = ("bob", "bob"), [Cyd] = (null, null) },
        Photos = PhotosOfCyd(new ListedPhoto(Portrait, Ready: true)),
        UnsentOutbox = new Dictionary<string, int> { ["profiles"] = 0, ["matching"] = 0 },
        ErrorQueues = new Dictionary<string, int> { ["chat-match-created_error"] = 0 },
    };

    private static Dictionary<Guid, IReadOnlyList<ListedPhoto>> PhotosOfCyd(params ListedPhoto[] photos) =>
        new() { [Ann] = [], [Bob] = [], [Cyd] = photos };

    private static string[] Broken(FaultHistory history, ObservedState observed) =>
        [.. FaultInvariants.Check(history, observed).Where(i => !i.Holds).Select(i => i.Name)];

    [Fact]
    public void A_consistent_history_breaks_nothing()
    {
        var invariants = FaultInvariants.Check(History(), Observed());

        invariants.Count.ShouldBe(10);
        invariants.ShouldAllBe(i => i.Holds);
    }

    [Fact]
    public void An_acknowledged_swipe_that_is_not_stored_is_lost()
    {
        var observed = Observed() with { Swipes = [new(Ann, Bob, true), new(Bob, Ann, true), new(Ann, Cyd, true)] };

        Broken(History(), observed).ShouldBe([FaultInvariants.SwipesStored]);
    }

    [Fact]
    public void A_swipe_stored_with_another_decision_is_wrong()
    {
        var observed = Observed() with { Swipes = [new(Ann, Bob, true), new(Bob, Ann, true), new(Ann, Cyd, true), new(Cyd, Ann, true)] };

        // Cyd's stored like also makes the pair mutual without a match.
        Broken(History(), observed).ShouldBe([FaultInvariants.SwipesStored, FaultInvariants.OneMatchPerMutualLike]);
    }

    [Fact]
    public void A_mutual_like_with_two_matches_is_doubled()
    {
        var second = Guid.NewGuid();
        var observed = Observed() with
        {
            Matches = [new(Match, Ann, Bob, false), new(second, Bob, Ann, false)],
            MatchLists = new Dictionary<Guid, IReadOnlyList<Guid>> { [Ann] = [Match, second], [Bob] = [Match, second] },
            Conversations = new Dictionary<Guid, IReadOnlyList<Guid>> { [Ann] = [Match, second], [Bob] = [Match, second] },
        };

        Broken(History(), observed).ShouldBe([FaultInvariants.OneMatchPerMutualLike]);
    }

    [Fact]
    public void A_mutual_like_without_a_match_is_lost()
    {
        var observed = Observed() with
        {
            Matches = [],
            MatchLists = new Dictionary<Guid, IReadOnlyList<Guid>>(),
            Conversations = new Dictionary<Guid, IReadOnlyList<Guid>>(),
        };

        Broken(History(), observed).ShouldBe([FaultInvariants.OneMatchPerMutualLike]);
    }

    [Fact]
    public void A_match_missing_from_one_users_list_is_not_listed()
    {
        var observed = Observed() with { MatchLists = new Dictionary<Guid, IReadOnlyList<Guid>> { [Ann] = [Match], [Bob] = [] } };

        Broken(History(), observed).ShouldBe([FaultInvariants.MatchesListed]);
    }

    [Fact]
    public void A_match_whose_conversation_never_opened_is_caught()
    {
        var observed = Observed() with { Conversations = new Dictionary<Guid, IReadOnlyList<Guid>> { [Ann] = [], [Bob] = [] } };

        Broken(History(), observed).ShouldBe([FaultInvariants.ConversationsOpened]);
    }

    [Fact]
    public void An_acknowledged_message_missing_from_the_conversation_is_lost()
    {
        var observed = Observed() with { Messages = new Dictionary<Guid, IReadOnlyList<ListedMessage>> { [Match] = [new(Again, "again")] } };

        Broken(History(), observed).ShouldBe([FaultInvariants.MessagesStored]);
    }

    [Fact]
    public void A_send_stored_twice_is_doubled_even_if_it_was_never_acknowledged()
    {
        var history = History();
        history.SendFailed("retried");
        var observed = Observed() with
        {
            Messages = new Dictionary<Guid, IReadOnlyList<ListedMessage>>
            {
                [Match] = [new(Guid.NewGuid(), "retried"), new(Guid.NewGuid(), "retried"), new(Again, "again"), new(Hello, "hello")],
            },
        };

        Broken(history, observed).ShouldBe([FaultInvariants.MessagesStored]);
    }

    [Fact]
    public void A_message_delivered_twice_to_the_same_connection_is_doubled()
    {
        var history = History();
        history.Delivered(Bob, Hello);

        Broken(history, Observed()).ShouldBe([FaultInvariants.MessagesDelivered]);
    }

    [Fact]
    public void A_message_that_never_reached_a_connection_open_while_it_was_due_is_lost_but_a_dropped_one_may_miss_it()
    {
        var history = new FaultHistory();
        foreach (var swipe in History().Swipes)
        {
            history.Swiped(swipe);
        }

        history.Sent(new AcknowledgedMessage(Hello, Match, Ann, Bob, "hello", At(0), At(1)));
        history.Sent(new AcknowledgedMessage(Again, Match, Ann, Bob, "again", At(10), At(11)));
        history.Delivered(Bob, Hello);
        Broken(history, Observed()).ShouldBe([FaultInvariants.MessagesDelivered]);

        // Bob's connection dropped and came back before "again" was sent: it should have arrived.
        history.Disconnected(Bob, At(2));
        history.Reconnected(Bob, At(3));
        Broken(history, Observed()).ShouldBe([FaultInvariants.MessagesDelivered]);

        // Dropped again while it was due: it may have missed it.
        history.Disconnected(Bob, At(12));
        Broken(history, Observed()).ShouldBeEmpty();
    }

    private static DateTimeOffset At(int seconds) => DateTimeOffset.UnixEpoch.AddSeconds(seconds);

    [Fact]
    public void A_profile_change_that_never_reached_matching_is_lost()
    {
        var observed = Observed() with { Bios = new Dictionary<Guid, (string?, string?)> { [Ann] = ("new", "old") } };

        Broken(History(), observed).ShouldBe([FaultInvariants.ProfilesPropagated]);
    }

    [Fact]
    public void A_missing_effect_names_the_queues_its_event_may_wait_in()
    {
        var queues = new Dictionary<string, BrokerQueue>
        {
            ["matching-profile-updated"] = new(3, 0), ["chat-match-created"] = new(0, 1), ["photos-profile-deleted"] = new(0, 0),
        };

        var broken = FaultInvariants.Check(History(), Observed() with
        {
            Bios = new Dictionary<Guid, (string?, string?)> { [Ann] = ("new", "old") }, Queues = queues,
        }).Where(i => !i.Holds).ToList();
        var consistent = FaultInvariants.Check(History(), Observed() with { Queues = queues });

        broken.ShouldHaveSingleItem().Violations.ShouldBe([
            $"{Ann}: profiles has \"new\", matching's read model \"old\"",
            "broker: matching-profile-updated holds 3 message(s), 0 consumer(s)",
            "broker: photos-profile-deleted holds 0 message(s), 0 consumer(s)",
        ]);
        consistent.ShouldAllBe(i => i.Holds); // an idle queue alone breaks nothing
    }

    [Fact]
    public void An_unsent_outbox_row_and_a_message_in_an_error_queue_are_caught()
    {
        var observed = Observed() with
        {
            UnsentOutbox = new Dictionary<string, int> { ["profiles"] = 1, ["matching"] = 0 },
            ErrorQueues = new Dictionary<string, int> { ["chat-match-created_error"] = 2 },
        };

        Broken(History(), observed).ShouldBe([FaultInvariants.OutboxSent, FaultInvariants.NoErrorQueue]);
    }

    [Theory]
    [InlineData(null, "still processing")]
    [InlineData(false, "failed")]
    public void An_accepted_photo_that_never_became_ready_is_lost_work(bool? ready, string problem)
    {
        var observed = Observed() with { Photos = PhotosOfCyd(new ListedPhoto(Portrait, ready)) };

        var broken = FaultInvariants.Check(History(), observed).Where(i => !i.Holds).ToList();

        broken.Select(i => i.Name).ShouldBe([FaultInvariants.PhotosProcessed]);
        broken[0].Violations.ShouldBe([$"photo {Portrait} of {Cyd}: {problem}"]);
    }

    [Fact]
    public void An_accepted_photo_missing_or_listed_twice_is_caught()
    {
        Broken(History(), Observed() with { Photos = PhotosOfCyd() }).ShouldBe([FaultInvariants.PhotosProcessed]);
        Broken(History(), Observed() with { Photos = PhotosOfCyd(new ListedPhoto(Portrait, true), new ListedPhoto(Portrait, true)) }).ShouldBe([FaultInvariants.PhotosProcessed]);
    }
}
