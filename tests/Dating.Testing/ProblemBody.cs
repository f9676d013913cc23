namespace Dating.Testing;

/// <summary>The fields of an RFC 9457 problem the tests read.</summary>
public sealed record ProblemBody(int Status, string? Title, string? Detail, string? Type);
