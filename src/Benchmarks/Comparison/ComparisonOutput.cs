namespace Dating.Benchmarks.Comparison;

/// <summary>Where the report went, what it says, and the numbers behind it.</summary>
public sealed record ComparisonOutput(string Folder, string ReportFile, string Markdown, ComparisonResult Result);
