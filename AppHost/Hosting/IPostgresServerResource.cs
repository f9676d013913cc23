namespace Dating.AppHost.Hosting;

/// <summary>
/// What holds the databases of <see cref="PostgresDatabaseExtensions.AddDatabase{TServer}"/>: a single PostgreSQL
/// (<see cref="PostgresServerResource"/>) or, with <c>--ha</c>, a Patroni cluster (<see cref="PatroniClusterResource"/>).
/// Its databases are created once it is ready, through <see cref="AdminConnectionString"/>.
/// </summary>
public interface IPostgresServerResource : IResourceWithConnectionString
{
    internal List<PostgresDatabaseResource> Databases { get; }

    /// <summary>A connection for the app host's own use (creating databases, probes): unpooled, short timeout.</summary>
    internal string AdminConnectionString(string database);
}
