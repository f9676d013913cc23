namespace Dating.BuildingBlocks.Messaging;

/// <summary>An integration event stored in the same transaction as the change that raised it.</summary>
public sealed class OutboxMessage
{
    /// <summary>Also the published MessageId, so inboxes drop a re-publish after a crash before marking.</summary>
    public Guid Id { get; init; }

    /// <summary>The versioned wire name, e.g. <c>dating.profile-created.v1</c>.</summary>
    public required string Type { get; init; }

    public required string Payload { get; init; }

    /// <summary>W3C traceparent of the activity that raised the event, restored when publishing.</summary>
    public string? TraceParent { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DispatchedAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }
}
