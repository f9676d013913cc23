namespace Dating.AppHost.Hosting;

/// <summary>One database of a <see cref="PostgresServerResource"/>: created when the server is up, healthy once it accepts connections.</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent)
    : Resource(name), IResourceWithParent<PostgresServerResource>, IResourceWithConnectionString
{
    public PostgresServerResource Parent { get; } = parent;

    public string DatabaseName { get; } = databaseName;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}

public static class PostgresDatabaseExtensions
{
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> server, string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, server.Resource);
        server.Resource.Databases.Add(database);
        return server.ApplicationBuilder.AddResource(database)
            .WithIconName("Database")
            .WithInitialState(new CustomResourceSnapshot { ResourceType = "PostgresDatabase", State = KnownResourceStates.Waiting, Properties = [] })
            .WithProbe($"database {database.DatabaseName} does not accept connections yet", ct => PostgresExtensions.AnswersAsync(server.Resource.Port, database.DatabaseName, ct))
            .ExcludeFromManifest();
    }
}
