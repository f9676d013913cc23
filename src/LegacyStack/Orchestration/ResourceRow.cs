namespace Dating.AppHost.Orchestration;

/// <summary>One line of the resource table.</summary>
public sealed record ResourceRow(string Name, string State, string Url, int? Pid);
