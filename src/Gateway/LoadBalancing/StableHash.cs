namespace Dating.Gateway.LoadBalancing;

// A hash that is the same in every process and every run (string.GetHashCode is randomized),
// so every gateway replica sends a user to the same backend replica.
internal static class StableHash
{
    public static ulong Of(string key, string salt)
    {
        var hash = 14695981039346656037UL; // FNV-1a 64-bit
        foreach (var c in key)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash = (hash ^ '\n') * 1099511628211UL;
        foreach (var c in salt)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return Mix(hash);
    }

    // SplitMix64's finalizer: spreads FNV's weak low bits so scores compare fairly.
    private static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
