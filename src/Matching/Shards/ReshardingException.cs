namespace Dating.Matching.Shards;

/// <summary>A resharding that cannot start or go on: its message is for the operator, one line, no stack trace.</summary>
internal sealed class ReshardingException(string message) : Exception(message);
