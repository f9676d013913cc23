namespace Dating.Benchmarks.Api;

/// <summary>A user registered through the gateway for a benchmark.</summary>
public sealed record BenchmarkUser(Guid UserId, string Email, string Token);
