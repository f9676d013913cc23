using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.Hosting;

// Which replica this process is, from OpenTelemetry's standard resource attributes
// (the AppHost sets OTEL_RESOURCE_ATTRIBUTES=service.instance.id=profiles-0).
public static class ServiceInstance
{
    public const string HeaderName = "X-Instance-Id";

    public static string? IdFrom(IConfiguration configuration) =>
        (configuration["OTEL_RESOURCE_ATTRIBUTES"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair.Length == 2 && pair[0] == "service.instance.id" && pair[1].Length > 0)
            .Select(pair => pair[1])
            .FirstOrDefault();
}
