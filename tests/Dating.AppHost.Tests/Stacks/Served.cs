namespace Dating.AppHost.Tests.Stacks;

internal static class Served
{
    /// <summary>Which replica answered: services name themselves in X-Instance-Id (set by the app host).</summary>
    public static string By(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Instance-Id", out var values) ? values.Single() : "(none)";
}
