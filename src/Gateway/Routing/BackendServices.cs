namespace Dating.Gateway.Routing;

// The services behind the gateway; each is one YARP cluster of the same name.
public static class BackendServices
{
    public const string Profiles = "profiles";
    public const string Photos = "photos";
    public const string Matching = "matching";
    public const string Chat = "chat";

    public static readonly IReadOnlyList<string> All = [Profiles, Photos, Matching, Chat];
}
