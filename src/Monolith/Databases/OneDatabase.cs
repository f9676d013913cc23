using Dating.BuildingBlocks.Modules;

namespace Dating.Monolith.Databases;

/// <summary>
/// One PostgreSQL database (<c>ConnectionStrings:monolith</c>) for every module. Each module still keeps its
/// own schema, migrations history and migration lock in it (the persistence building block sees to that).
/// </summary>
internal static class OneDatabase
{
    public const string ConnectionName = "monolith";

    /// <summary>A module whose own connection string is configured keeps it; the others get the monolith's database.</summary>
    public static IHostApplicationBuilder UseOneDatabaseForEveryModule(this IHostApplicationBuilder builder)
    {
        var missing = ModuleCatalog.All.Select(module => module.Database)
            .Where(name => string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(name)))
            .ToList();
        if (missing.Count == 0)
        {
            return builder;
        }

        var connectionString = builder.Configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not configured (the monolith's one database).");
        }

        builder.Configuration.AddInMemoryCollection(missing.Select(name =>
            KeyValuePair.Create<string, string?>($"ConnectionStrings:{name}", connectionString)));
        return builder;
    }
}
