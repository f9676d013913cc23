namespace Dating.AppHost.Orchestration;

/// <summary>The stack was asked for something it cannot do; the message says what to change.</summary>
public sealed class StackConfigurationException(string message) : Exception(message);
