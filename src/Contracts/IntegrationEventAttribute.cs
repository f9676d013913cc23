namespace Dating.Contracts;

/// <summary>
/// Names an integration event on the wire. The version is part of the name: a breaking change
/// is a new record with a new version, published beside the old one until every consumer moves.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class IntegrationEventAttribute(string name, int version) : Attribute
{
    public string Name { get; } = name;

    public int Version { get; } = version;

    /// <summary>The wire name, for example <c>dating.profile-created.v1</c>.</summary>
    public string WireName => $"dating.{Name}.v{Version}";
}
