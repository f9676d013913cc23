using Dating.AppHost.Options;

namespace Dating.AppHost.Tests.Options;

/// <summary>The cross-process port reservations of isolated stacks, in a folder of the test's own.</summary>
public sealed class PortReservationsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dating-tests", "ports", Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_port_is_handed_out_once_while_its_reservation_is_fresh_and_again_once_it_lapsed()
    {
        PortReservations.TryReserve(27001, _folder).ShouldBeTrue();
        PortReservations.TryReserve(27001, _folder).ShouldBeFalse("another app host reserved it a moment ago");
        PortReservations.TryReserve(27002, _folder).ShouldBeTrue("other ports are not affected");

        File.SetLastWriteTimeUtc(Path.Combine(_folder, "27001"), DateTime.UtcNow - PortReservations.Lifetime - TimeSpan.FromMinutes(1));
        PortReservations.TryReserve(27001, _folder).ShouldBeTrue("a lapsed reservation is taken over");
        PortReservations.TryReserve(27001, _folder).ShouldBeFalse("and is fresh again");
    }

    [Fact]
    public async Task Of_many_takers_of_one_port_at_the_same_moment_exactly_one_gets_it()
    {
        using var start = new ManualResetEventSlim();
        var takers = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.Wait();
            return PortReservations.TryReserve(27003, _folder);
        })).ToList();
        start.Set();

        (await Task.WhenAll(takers)).Count(taken => taken).ShouldBe(1);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
