namespace Dating.AppHost.Options;

/// <summary>A start that cannot work (bad option, port taken): its message is the one line the user sees.</summary>
public sealed class StackConfigurationException(string message) : Exception(message);
