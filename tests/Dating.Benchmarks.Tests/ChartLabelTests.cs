using Dating.Benchmarks.Comparison;

namespace Dating.Benchmarks.Tests;

public sealed class ChartLabelTests
{
    [Theory]
    [InlineData("swipe", "swipe")]
    [InlineData("public profile read, max", "public profile\nread, max")]
    [InlineData("recommendations, max", "recommendations,\nmax")]
    [InlineData("event propagation", "event\npropagation")]
    [InlineData("1 replica, all CPUs", "1 replica, all\nCPUs")]
    public void A_group_label_is_wrapped_at_spaces_so_that_neighbours_do_not_overlap(string label, string wrapped) =>
        ComparisonCharts.Wrap(label).ShouldBe(wrapped);
}
