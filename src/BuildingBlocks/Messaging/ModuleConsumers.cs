using MassTransit;

namespace Dating.BuildingBlocks.Messaging;

/// <summary>The consumers one module brings to the process's single bus.</summary>
public sealed class ModuleConsumers
{
    private readonly List<Type> _types = [];

    internal IReadOnlyList<Type> Types => _types;

    public ModuleConsumers AddConsumer<TConsumer>()
        where TConsumer : class, IConsumer
    {
        _types.Add(typeof(TConsumer));
        return this;
    }
}
