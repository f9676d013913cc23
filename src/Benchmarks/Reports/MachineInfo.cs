using System.Runtime.InteropServices;

namespace Dating.Benchmarks.Reports;

/// <summary>What the numbers were measured on.</summary>
public static class MachineInfo
{
    public static string Describe()
    {
        var model = ReadLine("/proc/cpuinfo", "model name")?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memoryKb = ReadLine("/proc/meminfo", "MemTotal")?.Split(':', 2)[1].Trim().Split(' ')[0];
        var memory = long.TryParse(memoryKb, out var kb) ? ReportFile.Invariant($"{kb / 1048576.0:0.0} GiB memory") : "memory unknown";
        return $"{Environment.ProcessorCount} cores ({model}), {memory}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    private static string? ReadLine(string file, string prefix)
    {
        try
        {
            return File.ReadLines(file).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return null;
        }
    }
}
