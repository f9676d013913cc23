namespace Dating.AppHost.Hosting;

/// <summary>One database of a PostgreSQL server or cluster: created when it is up, healthy once it accepts connections.</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, IPostgresServerResource parent)
    : Resource(name), IResourceWithParent<IPostgresServerResource>, IResourceWithConnectionString
{
    public IPostgresServerResource Parent { get; } = parent;

    public string DatabaseName { get; } = databaseName;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}

public static class PostgresDatabaseExtensions
{
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase<TServer>(this IResourceBuilder<TServer> server, string name, string? databaseName = null)
        where TServer : IPostgresServerResource
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, server.Resource);
        server.Resource.Databases.Add(database);
        return server.ApplicationBuilder.AddResource(database)
            .WithIconName("Database")
            .WithInitialState(new CustomResourceSnapshot { ResourceType = "PostgresDatabase", State = KnownResourceStates.Waiting, Properties = [] })
            .WithProbe($"database {database.DatabaseName} does not accept connections yet", ct => PostgresExtensions.AnswersAsync(server.Resource.AdminConnectionString(database.DatabaseName), ct))
            .ExcludeFromManifest();
    }
}
