using Dating.Gateway.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dating.Gateway.Tests.Routing;

public sealed class ServiceDestinationsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gateway-destinations-").FullName;

    private string File => Path.Combine(_directory, "destinations.json");

    [Fact]
    public async Task Destinations_come_from_the_watched_file_and_follow_its_changes()
    {
        Write("""{"services":{"matching":{"http":{"0":"http://127.0.0.1:5130"}}}}""");
        using var destinations = Watching();
        destinations.Of("matching").Values.Select(d => d.Address).ShouldBe(["http://127.0.0.1:5130"]);
        var changed = destinations.GetChangeToken();

        Write("""{"services":{"matching":{"http":{"0":"http://127.0.0.1:5130","1":"http://127.0.0.1:5131"}}}}""");
        await UntilAsync(() => changed.HasChanged);

        destinations.Of("matching").Keys.ShouldBe(["matching/http/0", "matching/http/1"], ignoreOrder: true);
        destinations.Of("chat").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_keeps_the_destinations_last_read()
    {
        Write("""{"services":{"chat":{"http":{"0":"http://127.0.0.1:5140"}}}}""");
        using var destinations = Watching();

        System.IO.File.WriteAllText(File, """{"services":{"chat":""");
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
        destinations.Of("chat").Keys.ShouldBe(["chat/http/0"]);

        var changed = destinations.GetChangeToken();
        Write("""{"services":{"chat":{"http":{"2":"http://127.0.0.1:5142"}}}}""");
        await UntilAsync(() => changed.HasChanged && destinations.Of("chat").ContainsKey("chat/http/2"));
        destinations.Of("chat").Keys.ShouldBe(["chat/http/2"]);
    }

    [Fact]
    public void Without_a_file_destinations_come_from_configuration_as_aspire_passes_them()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["services:photos:http:0"] = "http://127.0.0.1:5120" })
            .Build();
        using var destinations = new ServiceDestinations(configuration, Options.Create(new GatewayOptions()), NullLogger<ServiceDestinations>.Instance);

        destinations.Of("photos").Values.Select(d => d.Address).ShouldBe(["http://127.0.0.1:5120"]);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private ServiceDestinations Watching() =>
        new(new ConfigurationBuilder().Build(), Options.Create(new GatewayOptions { DestinationsFile = File }), NullLogger<ServiceDestinations>.Instance);

    // As the AppHost writes it: whole, then renamed into place.
    private void Write(string json)
    {
        var temporary = File + ".tmp";
        System.IO.File.WriteAllText(temporary, json);
        System.IO.File.Move(temporary, File, overwrite: true);
    }

    private static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the change was not noticed in time");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
