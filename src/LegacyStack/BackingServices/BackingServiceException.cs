namespace Dating.AppHost.BackingServices;

/// <summary>A backing service could not be installed or started; the message says what to do.</summary>
public sealed class BackingServiceException(string message) : Exception(message);
