namespace Dating.AppHost.Options;

/// <summary>
/// Ports handed to isolated stacks, shared by every process on the machine: one empty file per port in a temporary
/// folder, created atomically (<see cref="FileMode.CreateNew"/>), so two app hosts never both take a port. A
/// reservation lapses after <see cref="Lifetime"/>; by then its server has bound the port (and holds it while it runs)
/// or the stack is gone and the port has been quiet for a while. Hand-written: no served package coordinates ports
/// between processes.
/// </summary>
public static class PortReservations
{
    /// <summary>Longer than any server takes to bind, and than a stopped server's port stays unusable.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static string DefaultFolder { get; } = Path.Combine(Path.GetTempPath(), "dating-ports");

    /// <returns>
    /// false when a fresh reservation of <paramref name="port"/> exists; true once reserved, and also when the folder
    /// cannot be used at all (then only this process's own bookkeeping and the bind check guard the port, as before).
    /// </returns>
    public static bool TryReserve(int port, string? folder = null)
    {
        folder ??= DefaultFolder;
        var file = Path.Combine(folder, port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            Directory.CreateDirectory(folder);
            if (File.Exists(file) && DateTime.UtcNow - File.GetLastWriteTimeUtc(file) > Lifetime)
            {
                // Lapsed: whoever deletes it first may take the port; a second deleter loses the CreateNew below.
                File.Delete(file);
            }

            using var reservation = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
            return true;
        }
        catch (IOException) when (File.Exists(file))
        {
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }
}
