namespace Dating.Benchmarks.Sharding;

/// <summary>A swipe the gateway acknowledged (200): afterwards it must be stored exactly once, on its swiper's shard.</summary>
public sealed record SentSwipe(Guid SwiperId, Guid TargetId, string Decision);
