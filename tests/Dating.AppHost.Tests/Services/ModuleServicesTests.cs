using Dating.AppHost.Services;
using Dating.BuildingBlocks.Modules;

namespace Dating.AppHost.Tests.Services;

public sealed class ModuleServicesTests
{
    [Fact]
    public void Every_module_of_the_catalog_has_its_host_project()
    {
        ModuleCatalog.All.ShouldAllBe(module => ModuleServices.Of(module) != null);
    }

    [Fact]
    public void A_module_without_a_host_project_stops_the_start_naming_it()
    {
        var billing = ModuleCatalog.Photos with { Name = "billing", HostProject = "Dating.Billing.Host" };

        Should.Throw<InvalidOperationException>(() => ModuleServices.Of(billing)).Message.ShouldContain("'billing'");
    }
}
