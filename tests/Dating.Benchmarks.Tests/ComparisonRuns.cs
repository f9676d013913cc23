// The stack-starting tests of this assembly (comparison, profile, locality) run one at a time: each starts app hosts
// of its own, and on two cores stacks side by side would measure each other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
