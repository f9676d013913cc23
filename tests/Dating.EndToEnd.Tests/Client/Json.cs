using System.Text.Json;

namespace Dating.EndToEnd.Tests.Client;

/// <summary>Reading the API's camelCase JSON tersely in assertions.</summary>
internal static class Json
{
    public static Guid Guid(this JsonElement element, string property) => element.GetProperty(property).GetGuid();

    public static string? String(this JsonElement element, string property) => element.GetProperty(property).GetString();

    /// <summary>An optional string: null when the property is left out or null.</summary>
    public static string? Optional(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static bool Has(this JsonElement element, string property) => element.TryGetProperty(property, out _);

    public static IReadOnlyList<JsonElement> Items(this JsonElement array) => [.. array.EnumerateArray()];

    /// <summary>The given id property of every item of an array.</summary>
    public static IReadOnlyList<Guid> Ids(this JsonElement array, string property) =>
        [.. array.EnumerateArray().Select(item => item.Guid(property))];

    public static IReadOnlyList<string> Names(this JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}
