using MassTransit;

namespace Dating.BuildingBlocks.Messaging;

/// <summary>
/// Queue names: <c>{service}-{consumer}</c> in kebab case. Replicas of one service share the name and
/// compete on one queue; two services consuming the same event each get their own queue. In a process
/// hosting several modules (the monolith) the module joins the name, so that two modules' consumers of
/// the same name keep their own queues, error queues and concurrency.
/// </summary>
internal static class EndpointNames
{
    /// <summary>The part before the consumer: the service, the module, or both when the process hosts several modules.</summary>
    public static string Owner(string? service, string module, int modulesInProcess) =>
        string.IsNullOrWhiteSpace(service) ? module
        : modulesInProcess > 1 ? $"{service}-{module}"
        : service;

    public static string ForConsumer(string service, Type consumer) =>
        $"{Kebab(service)}-{Kebab(WithoutSuffix(consumer.Name, "Consumer"))}";

    /// <summary><c>ProfilesDbContext</c> → <c>profiles</c>.</summary>
    public static string ForModule(Type dbContext) =>
        Kebab(WithoutSuffix(WithoutSuffix(dbContext.Name, "DbContext"), "Context"));

    private static string Kebab(string name) => KebabCaseEndpointNameFormatter.Instance.SanitizeName(name);

    private static string WithoutSuffix(string name, string suffix) =>
        name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal) ? name[..^suffix.Length] : name;
}
