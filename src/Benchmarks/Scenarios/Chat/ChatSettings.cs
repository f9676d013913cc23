namespace Dating.Benchmarks.Scenarios.Chat;

/// <summary><see cref="Pairs"/> matched pairs; messages at <see cref="Rate"/> a second for <see cref="Duration"/>, then <see cref="Clients"/> closed-loop senders.</summary>
public sealed record ChatSettings(int Rounds, int Pairs, double Rate, TimeSpan Duration, int Clients)
{
    public static ChatSettings Full { get; } = new(2, 100, 200, TimeSpan.FromSeconds(30), 16);

    public static ChatSettings Quick { get; } = new(1, 8, 20, TimeSpan.FromSeconds(3), 4);
}
