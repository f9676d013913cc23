using Dating.Gateway.Routing;
using Microsoft.Extensions.Configuration;

namespace Dating.Gateway.Tests.Routing;

public sealed class ServiceClustersTests
{
    [Fact]
    public void Destinations_are_every_replica_as_aspire_passes_them()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["services:photos:http:0"] = "http://127.0.0.1:5120",
                ["services:photos:http:1"] = "http://127.0.0.1:5121",
                ["services:chat:http:0"] = "http://127.0.0.1:5140",
            })
            .Build();

        var photos = ServiceClusters.DestinationsOf(configuration, "photos");

        photos.Keys.ShouldBe(["photos/http/0", "photos/http/1"], ignoreOrder: true);
        photos["photos/http/1"].Address.ShouldBe("http://127.0.0.1:5121");
        ServiceClusters.DestinationsOf(configuration, "matching").ShouldBeEmpty();
    }
}
