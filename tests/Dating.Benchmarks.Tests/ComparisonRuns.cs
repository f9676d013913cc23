// The stack-starting tests of this assembly (comparison, profile, locality) run one at a time: each comparison run
// empties Redis for its stacks, and stacks started side by side can race for the same free port.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
