using Dating.AppHost.Hosting;

namespace Dating.AppHost.Tests.Hosting;

/// <summary>
/// One health check of a server tries its probe again until it passes or its window is over, so that Aspire, which
/// pauses up to 5 s between failed checks, sees a server ready within a quarter second of it being so.
/// </summary>
public sealed class ProbeRetryTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_probe_that_passes_on_its_third_try_makes_the_check_pass_without_a_fourth()
    {
        var tries = 0;

        var passed = await Probes.PassesWithinAsync(_ => Task.FromResult(++tries == 3), TimeSpan.FromSeconds(30), Cancellation);

        passed.ShouldBeTrue();
        tries.ShouldBe(3);
    }

    [Fact]
    public async Task A_probe_that_keeps_failing_fails_the_check_once_its_window_is_over_after_trying_more_than_once()
    {
        var tries = 0;

        var passed = await Probes.PassesWithinAsync(_ => Task.FromResult(++tries < 0), TimeSpan.FromSeconds(1), Cancellation);

        passed.ShouldBeFalse();
        tries.ShouldBeInRange(2, 5);
    }

    [Fact]
    public async Task A_check_that_is_cancelled_stops_trying()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        var tries = 0;

        await Should.ThrowAsync<OperationCanceledException>(() => Probes.PassesWithinAsync(
            _ =>
            {
                if (++tries == 2)
                {
                    cancel.Cancel();
                }

                return Task.FromResult(false);
            },
            TimeSpan.FromMinutes(5), cancel.Token));

        tries.ShouldBe(2);
    }
}
