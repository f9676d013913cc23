using System.Collections.Concurrent;
using System.Reflection;
using Dating.Contracts;

namespace Dating.BuildingBlocks.Messaging;

/// <summary>
/// Integration event types by versioned wire name (<c>dating.profile-created.v1</c>) and back: the outbox
/// stores the name, so a row written before a restart or a CLR rename still finds its type.
/// </summary>
internal static class IntegrationEventCatalog
{
    private static readonly ConcurrentDictionary<string, Type> TypesByName = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<Type, string?> NamesByType = new();
    private static readonly Lock ScanGate = new();
    private static int _scannedAssemblies;

    public static string? FindWireName(Type type) =>
        NamesByType.GetOrAdd(type, t => t.GetCustomAttribute<IntegrationEventAttribute>()?.WireName);

    public static string WireNameOf(Type type) =>
        FindWireName(type) ?? throw new InvalidOperationException(
            $"{type.FullName} is not an integration event: mark it [IntegrationEvent(name, version)] so its wire name does not depend on its CLR name.");

    public static void Register(Type type)
    {
        var name = WireNameOf(type);
        var known = TypesByName.GetOrAdd(name, type);
        if (known != type)
        {
            throw new InvalidOperationException($"{type.FullName} and {known.FullName} both claim the wire name {name}.");
        }
    }

    public static Type? Resolve(string wireName)
    {
        if (TypesByName.TryGetValue(wireName, out var type))
        {
            return type;
        }

        ScanLoadedAssemblies();
        return TypesByName.GetValueOrDefault(wireName);
    }

    // A row may outlive the process that wrote it: find its type among everything loaded, once per new assembly.
    private static void ScanLoadedAssemblies()
    {
        lock (ScanGate)
        {
            var assemblies = AppDomain.CurrentDomain.GetAssemblies();
            if (assemblies.Length == _scannedAssemblies)
            {
                return;
            }

            _scannedAssemblies = assemblies.Length;
            foreach (var type in assemblies.Where(a => !a.IsDynamic).SelectMany(LoadableTypes))
            {
                if (FindWireName(type) is { } name)
                {
                    TypesByName.TryAdd(name, type);
                }
            }
        }
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
