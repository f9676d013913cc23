using System.Diagnostics;
using Dating.Testing;

namespace Dating.Messaging.Tests;

public sealed class TraceContextTests(BackingServicesFixture fixture)
{
    private const string RequestSourceName = "Dating.Messaging.Tests.Requests";

    private static readonly ActivitySource Requests = new(RequestSourceName);

    [Fact]
    public async Task The_consumer_runs_in_the_trace_of_the_request_that_raised_the_event()
    {
        // What OpenTelemetry does in a service: listen to the request's source and to MassTransit's.
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "MassTransit" or RequestSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = await MessagingHost.StartAsync(fixture);

        ActivityTraceId requestTrace;
        Guid orderId;
        using (var request = Requests.StartActivity("POST /api/orders", ActivityKind.Server))
        {
            requestTrace = request!.TraceId;
            orderId = await host.PlaceOrderAsync();
        }

        await Eventually.UntilAsync(() => host.Probe.ConsumerTraceIds.ContainsKey(orderId), "the event to be handled");
        host.Probe.ConsumerTraceIds[orderId].ShouldBe(requestTrace);
    }
}
