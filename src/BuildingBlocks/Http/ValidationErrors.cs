using Microsoft.AspNetCore.Http.HttpResults;

namespace Dating.BuildingBlocks.Http;

/// <summary>Field errors collected over a whole request, keyed by their JSON path, answered as one validation problem.</summary>
public sealed class ValidationErrors
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

    public ValidationProblem ToProblem() => Problems.Invalid(_errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray()));
}
