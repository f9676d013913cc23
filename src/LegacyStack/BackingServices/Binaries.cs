namespace Dating.AppHost.BackingServices;

/// <summary>Where the servers' programs are on this machine.</summary>
public sealed record Binaries(string PostgresBin, string RedisServer, string RabbitMqServer, string Epmd, string AzuriteBlob, string Node)
{
    public string Postgres => Path.Combine(PostgresBin, "postgres");

    public string InitDb => Path.Combine(PostgresBin, "initdb");

    public string Psql => Path.Combine(PostgresBin, "psql");
}
