using Microsoft.Extensions.Configuration;

namespace Dating.Architecture.Tests;

/// <summary>
/// Every host reads the same logging defaults from its appsettings.json: its own code at Information, but not a line per
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
        var folder = ProjectFolder(host);
        var settings = Path.Combine(folder, "appsettings.json");
        File.Exists(settings).ShouldBeTrue($"{host} has no appsettings.json in {folder}");
        var levels = new ConfigurationBuilder().AddJsonFile(settings).Build().GetSection("Logging:LogLevel");

        levels["Default"].ShouldBe("Information", host);
        levels["Microsoft.AspNetCore"].ShouldBe("Warning", host);
        levels["Microsoft.EntityFrameworkCore.Database.Command"].ShouldBe("Warning", host);
    }

    private static string ProjectFolder(string host) =>
        Path.GetDirectoryName(Directory.GetFiles(Path.Combine(TheSolution.Root, "src"), $"{host}.csproj", SearchOption.AllDirectories).Single())!;
}
