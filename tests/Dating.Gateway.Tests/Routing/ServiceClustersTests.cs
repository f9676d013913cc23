using System.Net;
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

        var photos = ServiceClusters.DestinationsOf(configuration, "photos", new GatewayOptions());

        photos.Destinations.Keys.ShouldBe(["photos/http/0", "photos/http/1"], ignoreOrder: true);
        photos.Destinations["photos/http/1"].Address.ShouldBe("http://127.0.0.1:5121");
        photos.Http2.ShouldBeFalse();
        ServiceClusters.DestinationsOf(configuration, "matching", new GatewayOptions()).Destinations.ShouldBeEmpty();
    }

    [Fact]
    public void Replicas_with_an_h2c_endpoint_are_reached_over_http2_alone_unless_it_is_turned_off()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["services:chat:http:0"] = "http://127.0.0.1:5140",
                ["services:chat:http:1"] = "http://127.0.0.1:5141",
                ["services:chat:h2c:0"] = "http://127.0.0.1:5240",
                ["services:chat:h2c:1"] = "http://127.0.0.1:5241",
                ["services:photos:http:0"] = "http://127.0.0.1:5120",
            })
            .Build();
        var options = new GatewayOptions();

        var clusters = ServiceClusters.Build(service => ServiceClusters.DestinationsOf(configuration, service, options), options)
            .ToDictionary(cluster => cluster.ClusterId);

        var chat = clusters["chat"];
        chat.Destinations!.Values.Select(d => d.Address).ShouldBe(["http://127.0.0.1:5240", "http://127.0.0.1:5241"], ignoreOrder: true);
        chat.HttpRequest!.Version.ShouldBe(HttpVersion.Version20);
        chat.HttpRequest.VersionPolicy.ShouldBe(HttpVersionPolicy.RequestVersionExact);
        chat.HttpClient!.EnableMultipleHttp2Connections.ShouldBe(true, "a WebSocket holds a stream for as long as it is connected");
        chat.HttpRequest.ActivityTimeout.ShouldBe(options.HubReplicaTimeout);
        var photos = clusters["photos"];
        photos.Destinations!.Values.Single().Address.ShouldBe("http://127.0.0.1:5120");
        photos.HttpRequest!.Version.ShouldBeNull();

        options.Http2ToServices = false;
        var http1 = ServiceClusters.DestinationsOf(configuration, "chat", options);
        http1.Http2.ShouldBeFalse();
        http1.Destinations.Values.Select(d => d.Address).ShouldBe(["http://127.0.0.1:5140", "http://127.0.0.1:5141"], ignoreOrder: true);
    }

    [Fact]
    public void A_replica_may_stay_silent_for_the_replica_timeout_and_a_hub_service_past_signalrs_keep_alives()
    {
        var options = new GatewayOptions { ReplicaTimeout = TimeSpan.FromSeconds(7) };

        var clusters = ServiceClusters.Build(_ => ServiceDestinations.None, options)
            .ToDictionary(cluster => cluster.ClusterId, cluster => cluster.HttpRequest?.ActivityTimeout);

        clusters["profiles"].ShouldBe(TimeSpan.FromSeconds(7));
        clusters["matching"].ShouldBe(TimeSpan.FromSeconds(7));
        clusters["chat"].ShouldBe(options.HubReplicaTimeout);
        options.HubReplicaTimeout.ShouldBeGreaterThan(TimeSpan.FromSeconds(30), "SignalR clients wait 30 s for a keep-alive before they give up");
    }
}
