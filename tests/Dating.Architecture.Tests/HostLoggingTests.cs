using Microsoft.Extensions.Configuration;

namespace Dating.Architecture.Tests;

/// <summary>
/// Every service host reads the same logging defaults from its appsettings.json: its own code at Information, but not a line per
/// request from ASP.NET Core nor one per SQL command from EF Core (the outbox relay alone polls twice a second). A host
/// without the file logs both, and in a dev stack its console in the dashboard is nothing else.
/// </summary>
public sealed class HostLoggingTests
{
    public static TheoryData<string> Hosts => TheSolution.HostNames;

    [Theory]
    [MemberData(nameof(Hosts))]
    public void The_host_logs_its_own_code_at_Information_and_framework_chatter_at_Warning(string host)
    {
        var levels = LevelsOf(host);

        levels["Default"].ShouldBe("Information", host);
        levels["Microsoft.AspNetCore"].ShouldBe("Warning", host);
        levels["Microsoft.EntityFrameworkCore.Database.Command"].ShouldBe("Warning", host);
    }

    [Fact]
    public void The_gateway_logs_a_replica_leaving_and_rejoining_once_instead_of_each_failed_probe()
    {
        var levels = LevelsOf("Dating.Gateway");

        levels["Default"].ShouldBe("Information");
        levels["Microsoft.AspNetCore"].ShouldBe("Warning");
        // YARP logs every failed probe with its stack trace (a spare replica nobody started: every 5 s); the gateway's
        // ReplicaHealthPolicy logs each change of a replica's state once instead.
        levels["Yarp.ReverseProxy.Health.ActiveHealthCheckMonitor"].ShouldBe("Error");
    }

    private static IConfigurationSection LevelsOf(string host)
    {
        var folder = ProjectFolder(host);
        var settings = Path.Combine(folder, "appsettings.json");
        File.Exists(settings).ShouldBeTrue($"{host} has no appsettings.json in {folder}");
        return new ConfigurationBuilder().AddJsonFile(settings).Build().GetSection("Logging:LogLevel");
    }

    private static string ProjectFolder(string host) =>
        Path.GetDirectoryName(Directory.GetFiles(Path.Combine(TheSolution.Root, "src"), $"{host}.csproj", SearchOption.AllDirectories).Single())!;
}
