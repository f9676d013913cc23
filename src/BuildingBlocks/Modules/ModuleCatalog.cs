namespace Dating.BuildingBlocks.Modules;

/// <summary>
/// Every business module, in the order hosts register them and reports list them: the one list of them. A new
/// module is one entry here plus its own code (its library, its host, and the app host's and the monolith's one line
/// each that name its types).
/// </summary>
public static class ModuleCatalog
{
    public static ModuleEntry Profiles { get; } = new("profiles", ["/api/auth", "/api/profiles"], Database: "profiles",
        Project: "Dating.Profiles", HostProject: "Dating.Profiles.Host", DefaultPort: 5110);

    public static ModuleEntry Photos { get; } = new("photos", ["/api/photos"], Database: "photos",
        Project: "Dating.Photos", HostProject: "Dating.Photos.Host", DefaultPort: 5120) { UsesBlobStorage = true };

    // A user stays on one replica where it pays: matching keeps per-user queues and candidate caches warm, and chat
    // (negotiate then the WebSocket) takes fewer backplane hops.
    public static ModuleEntry Matching { get; } = new("matching", ["/api/matching"], Database: "matching",
        Project: "Dating.Matching", HostProject: "Dating.Matching.Host", DefaultPort: 5130) { KeepsUserOnOneReplica = true };

    public static ModuleEntry Chat { get; } = new("chat", ["/api/chat", "/hubs/chat"], Database: "chat",
        Project: "Dating.Chat", HostProject: "Dating.Chat.Host", DefaultPort: 5140) { KeepsUserOnOneReplica = true };

    public static IReadOnlyList<ModuleEntry> All { get; } = [Profiles, Photos, Matching, Chat];

    /// <summary>The module named <paramref name="name"/>, or null.</summary>
    public static ModuleEntry? Named(string name) => All.FirstOrDefault(module => module.Name == name);
}
