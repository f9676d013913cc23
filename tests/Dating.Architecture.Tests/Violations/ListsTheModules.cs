namespace Dating.Architecture.Tests.Violations;

// What the catalog test must catch (each module named outside the catalog) and must not (an endpoint below a prefix,
// a comment, a port that is no module's). Its line numbers are the test's expectations.
internal static class ListsTheModules
{
    // "profiles", "photos": a comment is no listing.

    public static readonly string[] Databases = ["profiles", "Photos"];

    public const string MatchingDocument = "api/matching";

    public const int ChatPort = 5140;

    public const string Endpoint = "/api/profiles/me";

    public const int GatewayPort = 5080;
}
