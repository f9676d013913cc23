namespace Dating.AppHost.BackingServices;

/// <summary>How to run the backing servers: the dev stack keeps its data and ports, tests throw theirs away.</summary>
public sealed record BackingServicesOptions
{
    /// <summary>Every server gets a folder below this one.</summary>
    public required string DataDirectory { get; init; }

    public required BackingServicePorts Ports { get; init; }

    /// <summary>Tests: fast, unsafe durability settings, and the data folder is deleted on stop.</summary>
    public bool Ephemeral { get; init; }

    public bool IncludeRabbitMq { get; init; } = true;

    /// <summary>PostgreSQL databases created at start when missing: one per microservice, and the monolith's one.</summary>
    public IReadOnlyList<string> Databases { get; init; } = ["profiles", "photos", "matching", "chat", "monolith"];

    /// <summary>Progress messages ("starting postgres…").</summary>
    public Action<string> Log { get; init; } = _ => { };

    /// <summary>Each output line of a server, with the server's name.</summary>
    public Action<string, string>? OnOutput { get; init; }

    /// <summary>Where each server's output is written, one file per server.</summary>
    public string? LogDirectory { get; init; }

    public static BackingServicesOptions Development(bool fresh, Action<string> log, Action<string, string>? onOutput = null)
    {
        var data = RepositoryPaths.DevData;
        if (fresh && Directory.Exists(data))
        {
            log($"--fresh: deleting {data}");
            Directory.Delete(data, recursive: true);
        }

        return new BackingServicesOptions
        {
            DataDirectory = data,
            Ports = BackingServicePorts.Development,
            Log = log,
            OnOutput = onOutput,
            LogDirectory = RepositoryPaths.Logs,
        };
    }

    public static BackingServicesOptions ForTests(Action<string>? log = null)
    {
        var data = Path.Combine(Path.GetTempPath(), "dating-tests", $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}"[..28]);
        return new BackingServicesOptions
        {
            DataDirectory = data,
            Ports = BackingServicePorts.Free(),
            Ephemeral = true,
            Log = log ?? (_ => { }),
            LogDirectory = Path.Combine(data, "logs"),
        };
    }
}
