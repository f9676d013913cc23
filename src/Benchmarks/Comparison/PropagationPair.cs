using System.Text.Json;
using Dating.Benchmarks.Api;

namespace Dating.Benchmarks.Comparison;

/// <summary>Two users alone at their place: <see cref="Viewer"/>'s only recommendation is <see cref="Changer"/>, whose own profile is <see cref="Profile"/>.</summary>
public sealed record PropagationPair(BenchmarkUser Changer, BenchmarkUser Viewer, JsonElement Profile);
