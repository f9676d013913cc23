using Dating.Gateway.Routing;
using Microsoft.Extensions.Configuration;
using Yarp.ReverseProxy.Configuration;

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

    [Fact]
    public void A_replica_may_stay_silent_for_the_replica_timeout_and_a_hub_service_past_signalrs_keep_alives()
    {
        var options = new GatewayOptions { ReplicaTimeout = TimeSpan.FromSeconds(7) };

        var clusters = ServiceClusters.Build(_ => new Dictionary<string, DestinationConfig>(), options)
            .ToDictionary(cluster => cluster.ClusterId, cluster => cluster.HttpRequest?.ActivityTimeout);

        clusters["profiles"].ShouldBe(TimeSpan.FromSeconds(7));
        clusters["matching"].ShouldBe(TimeSpan.FromSeconds(7));
        clusters["chat"].ShouldBe(options.HubReplicaTimeout);
        options.HubReplicaTimeout.ShouldBeGreaterThan(TimeSpan.FromSeconds(30), "SignalR clients wait 30 s for a keep-alive before they give up");
    }
}
