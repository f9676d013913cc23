using Dating.EndToEnd.Tests.Stacks;

// The web client against both topologies: the gateway serves it in front of the services, and a lone monolith serves it itself.
namespace Dating.EndToEnd.Tests.Browser;

[Collection(MicroservicesStack.Collection)]
public sealed class WebClientOnMicroservices(MicroservicesStack stack) : WebClientSpecs(stack);

[Collection(MonolithStack.Collection)]
public sealed class WebClientOnMonolith(MonolithStack stack) : WebClientSpecs(stack);
