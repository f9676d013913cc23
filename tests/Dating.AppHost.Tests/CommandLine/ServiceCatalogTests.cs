using Dating.AppHost.Orchestration;

namespace Dating.AppHost.Tests.CommandLine;

public sealed class ServiceCatalogTests
{
    [Fact]
    public void The_monolith_topology_runs_one_service_that_holds_every_module()
    {
        var monolith = ServiceCatalog.For(Topology.Monolith).ShouldHaveSingleItem();
        monolith.Name.ShouldBe("monolith");
        monolith.ProjectDirectory.ShouldBe("src/Monolith");
        monolith.AssemblyName.ShouldBe("Dating.Monolith");
        // Replicas behind the gateway sit right above it; none of them takes a microservice's port.
        monolith.BasePort.ShouldBe(ServiceCatalog.Gateway.BasePort + 1);
        ServiceCatalog.Microservices.ShouldAllBe(s => s.BasePort >= monolith.BasePort + ServiceDefinition.MaxReplicas);
    }

    [Fact]
    public void The_microservices_topology_is_the_four_services()
    {
        ServiceCatalog.For(Topology.Microservices).Select(s => s.Name).ShouldBe(["profiles", "photos", "matching", "chat"]);
    }

    [Theory]
    [InlineData("profiles", false)]
    [InlineData("photos", false)]
    [InlineData("matching", false)]
    [InlineData("chat", false)]
    [InlineData("monolith", true)]
    [InlineData("redis", true)]
    [InlineData("blobs", true)]
    public void The_monolith_gets_its_one_database_instead_of_the_microservices_four(string connectionName, bool received)
    {
        ServiceCatalog.Receives(ServiceCatalog.Monolith, connectionName).ShouldBe(received);
    }

    [Fact]
    public void A_microservice_gets_every_connection_string()
    {
        string[] names = ["profiles", "photos", "matching", "chat", "monolith", "redis", "rabbitmq", "blobs"];
        foreach (var service in ServiceCatalog.Microservices.Append(ServiceCatalog.Gateway))
        {
            names.ShouldAllBe(name => ServiceCatalog.Receives(service, name));
        }
    }
}
