using System.Text.Json;

namespace Dating.Benchmarks.Scenarios.Photos;

/// <summary>Reads a photo's <c>status</c> whether the API writes the enum as a string or a number.</summary>
public static class PhotoStatus
{
    public static bool IsDone(JsonElement photo, out bool ready)
    {
        var status = photo.GetProperty("status");
        var text = status.ValueKind == JsonValueKind.Number
            ? status.GetInt32() switch { 1 => "ready", 2 => "failed", _ => "processing" }
            : status.GetString()?.ToLowerInvariant();
        ready = text == "ready";
        return text is "ready" or "failed";
    }
}
