namespace Microsoft.Extensions.Hosting;

// The X-Request-Id a request carries through every service it touches.
public static class RequestId
{
    public const string HeaderName = "X-Request-Id";
    public const string LogScopeKey = "RequestId";
    public const string ActivityTag = "http.request_id";
    public const int MaxLength = 128;

    // A caller's id is kept only if it is short and visible ASCII: it ends up in logs and headers.
    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.Length <= MaxLength
        && value.All(c => c is > ' ' and <= '~');

    public static string Create() => Guid.NewGuid().ToString("N");
}
