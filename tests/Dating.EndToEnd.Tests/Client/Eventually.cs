namespace Dating.EndToEnd.Tests.Client;

/// <summary>
/// Events propagate between modules within seconds: poll until a condition holds, or fail with the last value seen.
/// Each wait's duration goes to the test output, so a slow propagation shows up before it becomes a timeout.
/// </summary>
internal static class Eventually
{
    // Generous: the first requests to a cold stack on a busy two-core machine take seconds.
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(45);

    public static async Task<T> Get<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var started = DateTime.UtcNow;
        var deadline = started + (timeout ?? DefaultTimeout);
        var pause = TimeSpan.FromMilliseconds(50);
        var last = await read();
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {(timeout ?? DefaultTimeout).TotalSeconds:F0} s waiting for {what}; last value: {last}");
            }

            await Task.Delay(pause, ct);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 500));
            last = await read();
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {what}: {(DateTime.UtcNow - started).TotalSeconds:F1} s");
        return last;
    }
}
