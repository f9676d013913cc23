namespace Dating.AppHost.Tests.EndToEnd;

/// <summary>Events propagate between services within seconds: poll until a condition holds, or fail with the last value.</summary>
internal static class Eventually
{
    public static async Task<T> Get<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        var last = await read();
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}; last value: {last}");
            }

            await Task.Delay(200);
            last = await read();
        }

        return last;
    }
}
