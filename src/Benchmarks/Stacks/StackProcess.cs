namespace Dating.Benchmarks.Stacks;

/// <summary>
/// One .NET process of a stack: a service replica (<c>profiles-0</c>, <c>matching-1</c>, …), the gateway, or a monolith.
/// <paramref name="Pid"/> is the app itself, which DCP starts directly (0 if it was not found).
/// </summary>
public sealed record StackProcess(string Name, string Service, int Index, Uri Url, int Pid);
