using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dating.Profiles.Validation;

/// <summary>Field errors keyed by their JSON path (<c>location.latitude</c>), as <c>errors</c> in a validation problem.</summary>
internal sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    public bool Contains(string field) => _errors.ContainsKey(field);

    public ValidationProblem ToProblem() => TypedResults.ValidationProblem(
        _errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray()),
        detail: "One or more fields are invalid.");
}
