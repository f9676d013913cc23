using Dating.EndToEnd.Tests.Specs;
using Dating.EndToEnd.Tests.Stacks;

// Every specification, against the one process serving all four modules.
namespace Dating.EndToEnd.Tests.Topologies.Monolith;

[Collection(MonolithStack.Collection)]
public sealed class Accounts(MonolithStack stack) : AccountSpecs(stack);

[Collection(MonolithStack.Collection)]
public sealed class Profiles(MonolithStack stack) : ProfileSpecs(stack);

[Collection(MonolithStack.Collection)]
public sealed class Photos(MonolithStack stack) : PhotoSpecs(stack);

[Collection(MonolithStack.Collection)]
public sealed class Matching(MonolithStack stack) : MatchingSpecs(stack);

[Collection(MonolithStack.Collection)]
public sealed class Chat(MonolithStack stack) : ChatSpecs(stack);

[Collection(MonolithStack.Collection)]
public sealed class Blocks(MonolithStack stack) : BlockSpecs(stack);

[Collection(MonolithStack.Collection)]
public sealed class AccountDeletion(MonolithStack stack) : AccountDeletionSpecs(stack);

[Collection(MonolithStack.Collection)]
public sealed class Operations(MonolithStack stack) : OperationsSpecs(stack);
