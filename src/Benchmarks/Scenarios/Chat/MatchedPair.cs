using Dating.Benchmarks.Api;

namespace Dating.Benchmarks.Scenarios.Chat;

/// <summary>Two users who liked each other, and their conversation.</summary>
public sealed record MatchedPair(BenchmarkUser A, BenchmarkUser B, Guid MatchId);
