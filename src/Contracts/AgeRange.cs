namespace Dating.Contracts;

/// <summary>Inclusive range of ages a user wants to see.</summary>
public sealed record AgeRange(int Min, int Max);
