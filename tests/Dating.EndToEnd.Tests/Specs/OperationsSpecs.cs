using System.Net;
using Dating.EndToEnd.Tests.Stacks;

namespace Dating.EndToEnd.Tests.Specs;

public abstract class OperationsSpecs(TopologyStack stack) : ApiSpec(stack)
{
    [Fact]
    public async Task The_public_url_reports_itself_ready_and_alive_without_a_token()
    {
        (await Anonymous().GetAsync("/health")).Status.ShouldBe(HttpStatusCode.OK);
        (await Anonymous().GetAsync("/alive")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        var olga = await RegisterAsync(Client.Person.Woman("Olga", Client.Place.Somewhere()));
        (await olga.GetAsync("/api/profiles/me/nothing-here")).ShouldBeProblem(HttpStatusCode.NotFound);
    }
}
