using Dating.EndToEnd.Tests.Specs;
using Dating.EndToEnd.Tests.Stacks;

// Every specification, against the services behind the gateway.
namespace Dating.EndToEnd.Tests.Topologies.Microservices;

[Collection(MicroservicesStack.Collection)]
public sealed class Accounts(MicroservicesStack stack) : AccountSpecs(stack);

[Collection(MicroservicesStack.Collection)]
public sealed class Profiles(MicroservicesStack stack) : ProfileSpecs(stack);

[Collection(MicroservicesStack.Collection)]
public sealed class Photos(MicroservicesStack stack) : PhotoSpecs(stack);

[Collection(MicroservicesStack.Collection)]
public sealed class Matching(MicroservicesStack stack) : MatchingSpecs(stack);

[Collection(MicroservicesStack.Collection)]
public sealed class Chat(MicroservicesStack stack) : ChatSpecs(stack);

[Collection(MicroservicesStack.Collection)]
public sealed class Blocks(MicroservicesStack stack) : BlockSpecs(stack);

[Collection(MicroservicesStack.Collection)]
public sealed class AccountDeletion(MicroservicesStack stack) : AccountDeletionSpecs(stack);

[Collection(MicroservicesStack.Collection)]
public sealed class Operations(MicroservicesStack stack) : OperationsSpecs(stack);
