using System.Collections;
using System.Diagnostics;
using Shouldly;
using Xunit;

namespace Dating.Testing;

/// <summary>
/// The one way tests wait for an asynchronous system: poll until a condition holds, or fail saying what was awaited.
/// Each wait's duration goes to the test output, so a slow propagation shows up before it becomes a timeout.
/// </summary>
public static class Eventually
{
    // Generous: the first requests to a cold stack on a busy two-core machine take seconds.
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(45);

    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(500);

    /// <summary>Reads until <paramref name="done"/> holds for the value read, and returns that value.</summary>
    /// <param name="what">What is awaited, e.g. "the match to go": the timeout's message and the test output say it.</param>
    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var waited = Stopwatch.StartNew();
        var pause = FirstPause;
        var last = await read();
        while (!done(last))
        {
            if (waited.Elapsed > limit)
            {
                throw new TimeoutException($"Timed out after {limit.TotalSeconds:F0} s waiting for {what}{Describe(last)}");
            }

            await Task.Delay(pause, TestContext.Current.CancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
            last = await read();
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {what}: {waited.Elapsed.TotalSeconds:F1} s");
        return last;
    }

    public static Task<T> GetAsync<T>(Func<T> read, Func<T, bool> done, string what, TimeSpan? timeout = null) =>
        GetAsync(() => Task.FromResult(read()), done, what, timeout);

    /// <summary>Polls until <paramref name="condition"/> holds.</summary>
    public static Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        GetAsync(condition, held => held, what, timeout);

    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        GetAsync(condition, held => held, what, timeout);

    /// <summary>
    /// Checks that <paramref name="condition"/> holds throughout <paramref name="period"/>: only for what no event
    /// signals, since it proves nothing about the time after. Prefer waiting for a later, observable event.
    /// </summary>
    public static async Task HoldsForAsync(Func<bool> condition, TimeSpan period, string what)
    {
        var held = Stopwatch.StartNew();
        while (held.Elapsed < period)
        {
            if (!condition())
            {
                throw new ShouldAssertException($"{what} stopped holding after {held.Elapsed.TotalMilliseconds:F0} ms");
            }

            await Task.Delay(FirstPause, TestContext.Current.CancellationToken);
        }

        condition().ShouldBeTrue(what);
    }

    private static string Describe(object? last) => last switch
    {
        bool => "",
        string text => $"; last value: {text}",
        IEnumerable items => $"; last value: [{string.Join(", ", items.Cast<object>())}]",
        _ => $"; last value: {last}",
    };
}
