using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

// A JSON body the endpoint cannot read (a syntax error, a wrong type, an unknown enum value): the problem names
// the field where reading stopped, the way validation errors do, and never the framework's message, which names
// C# types and parameters.
internal static class UnreadableBodyProblem
{
    public const string ErrorsExtension = "errors";

    public static bool TryDescribe(BadHttpRequestException exception, out string detail, out IDictionary<string, string[]>? errors)
    {
        errors = null;
        if (exception.InnerException is not JsonException json)
        {
            detail = "";
            return false;
        }

        var field = FieldOf(json.Path);
        if (field is null)
        {
            detail = "The request body is not a JSON object of the expected shape.";
            return true;
        }

        detail = $"The request body could not be read at '{field}': it is not valid JSON there, or not a value this field accepts.";
        errors = new Dictionary<string, string[]> { [field] = ["Not a value this field accepts."] };
        return true;
    }

    // "$.location.latitude" → "location.latitude"; "$" (the body as a whole) or no path → null.
    private static string? FieldOf(string? path) =>
        path is null || !path.StartsWith("$.", StringComparison.Ordinal) ? null : path[2..];
}
