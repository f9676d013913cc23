using Dating.Benchmarks;

// dotnet run -c Release --project src/Benchmarks -- <profiles|photos|matching|chat|compare|locality> [--quick] [--topologies microservices,monolith] [--profile] [--scenarios session-max,...]
return await BenchmarkCommandLine.InvokeAsync(args, RunAsync, Console.Out, Console.Error);

static async Task<int> RunAsync(BenchmarkRun run, CancellationToken ct)
{
    try
    {
        var (markdown, file) = await BenchmarkVerbs.All[run.Benchmark].RunAsync(run, Log, ct);
        Console.WriteLine(markdown);
        Log($"report written to {file}");
        return 0;
    }
    catch (Dating.Benchmarks.Stacks.RevisionException e)
    {
        Log($"--variant: {e.Message}");
        return 2;
    }
    catch (OperationCanceledException) when (ct.IsCancellationRequested)
    {
        Log("cancelled; everything started was stopped");
        return 130;
    }
}

static void Log(string message) => Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {message}");
