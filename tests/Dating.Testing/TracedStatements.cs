using System.Collections.Concurrent;
using System.Diagnostics;

namespace Dating.Testing;

/// <summary>
/// The database statements one request (or a piece of work in the test's process) makes: each statement or batch Npgsql
/// sends is one activity of its <c>Npgsql</c> source (a commit is not one), and a request sent here is sent inside an
/// activity that starts a trace of its own, so its statements are told apart from those of anything else running in the
/// process. For a host in the test's process, on real Kestrel or on the test server: the request carries the activity's
/// trace in its traceparent header (on Kestrel the client's handler writes it again, for its own child activity in the
/// same trace).
/// </summary>
public sealed class TracedStatements : IDisposable
{
    private const string RequestsSource = "Dating.Testing.TracedStatements";

    private static readonly ActivitySource Requests = new(RequestsSource);

    private readonly ConcurrentQueue<Activity> _statements = new();
    private readonly ActivityListener _listener;

    public TracedStatements()
    {
        _listener = new ActivityListener
        {
            // The server's request activity too: the statements are its children, in its trace.
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore" or RequestsSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "Npgsql")
                {
                    _statements.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Sends <paramref name="request"/> in a new trace; it must succeed. Returns the text of each statement it made.</summary>
    public Task<IReadOnlyList<string>> OfAsync(HttpClient http, HttpRequestMessage request) =>
        OfAsync(async traced =>
        {
            request.Headers.Remove("traceparent");
            request.Headers.Add("traceparent", $"00-{traced.TraceId}-{traced.SpanId}-01");
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
        });

    /// <summary>Runs <paramref name="work"/> in the test's process, in a new trace. Returns the text of each statement it made.</summary>
    public Task<IReadOnlyList<string>> OfAsync(Func<Task> work) => OfAsync(_ => work());

    private async Task<IReadOnlyList<string>> OfAsync(Func<Activity, Task> work)
    {
        // A trace of its own, even when the test itself runs inside an activity (the change stays in this async method).
        Activity.Current = null;
        ActivityTraceId trace;
        using (var traced = Requests.StartActivity("traced work") ?? throw new InvalidOperationException("The listener samples every activity."))
        {
            trace = traced.TraceId;
            await work(traced);
        }

        return [.. _statements.Where(s => s.TraceId == trace).Select(s => s.GetTagItem("db.query.text") as string ?? s.DisplayName)];
    }

    public void Dispose() => _listener.Dispose();
}
