namespace Dating.AppHost.Services;

/// <summary>
/// Runtime settings that only the environment can give a process (the rest are in build/Runtime.targets, which also
/// puts these into each image): every service replica, the gateway and the monolith get them alike.
/// </summary>
internal static class RuntimeSettings
{
    /// <summary>
    /// A socket operation's continuation runs on the socket event loop that saw it complete, instead of being queued to
    /// the thread pool: one hand-off less per receive, which is most of what the services' CPU per request is spent on
    /// (the profiles: 83 to 92 % thread-pool workers). Measured side by side in steady state (Benchmarks README, logbook
    /// run 18): the mixed session at max 1.12 times the sessions in the microservices for 0.87 of the CPU each, the
    /// monolith 0.95 (within its rounds' spread). The condition: no CPU-heavy or blocking work right after an await on
    /// a socket, or it holds up every connection of the process; password hashing and photo processing run on the
    /// thread pool for that reason (PasswordVerifier, ImageProcessor).
    /// </summary>
    public const string InlineSocketCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";
}
