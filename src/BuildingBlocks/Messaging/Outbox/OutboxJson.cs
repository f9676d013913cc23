using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dating.BuildingBlocks.Messaging;

/// <summary>How event payloads are stored in the outbox (readable in psql: camelCase, enums by name).</summary>
internal static class OutboxJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
