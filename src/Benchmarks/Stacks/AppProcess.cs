using Dating.Benchmarks.Load;

namespace Dating.Benchmarks.Stacks;

/// <summary>
/// The app process of a project resource: DCP runs each replica as <c>dotnet run --no-build</c>, which starts the app as
/// its child. Measuring and profiling the wrapper would count about 120 MiB and a runtime that serves no request.
/// </summary>
public static class AppProcess
{
    /// <returns>The descendant of <paramref name="wrapperPid"/> that runs <paramref name="assemblyName"/>, or the wrapper if it has none.</returns>
    public static int Of(int wrapperPid, string assemblyName)
    {
        var descendants = ProcessTree.WithDescendants([wrapperPid]).Where(pid => pid != wrapperPid).ToList();
        return descendants.FirstOrDefault(pid => CommandLine(pid).Any(a => Path.GetFileNameWithoutExtension(a) == assemblyName)) is var app and > 0
            ? app
            : descendants.FirstOrDefault(pid => !CommandLine(pid).Contains("run")) is var other and > 0 ? other : wrapperPid;
    }

    private static string[] CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
