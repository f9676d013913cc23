namespace Dating.Benchmarks.Profiling;

/// <summary>One managed frame of a sampled stack: the assembly and the method's full name (namespace, type, method, signature).</summary>
public sealed record StackFrame(string Module, string Method)
{
    /// <summary>What a report shows: the method without its parameter list.</summary>
    public string ShortName => Method.IndexOf('(', StringComparison.Ordinal) is var paren and > 0 ? Method[..paren] : Method;
}
