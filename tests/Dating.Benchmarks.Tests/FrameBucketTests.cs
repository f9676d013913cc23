using Dating.Benchmarks.Profiling;

namespace Dating.Benchmarks.Tests;

/// <summary>Sorting sampled frames into readable components, and charging plumbing to the component that called it.</summary>
public sealed class FrameBucketTests
{
    private static StackFrame Frame(string method, string module = "") => new(module, method);

    [Theory]
    [InlineData("Npgsql.Internal.NpgsqlConnector.ReadMessage(bool)", "Npgsql", "Npgsql (PostgreSQL client)")]
    [InlineData("System.Text.Json.Utf8JsonWriter.WriteStringValue(value class System.ReadOnlySpan`1<wchar>)", "System.Text.Json", "System.Text.Json")]
    [InlineData("Yarp.ReverseProxy.Forwarder.HttpForwarder+<SendAsync>d__10.MoveNext()", "Yarp.ReverseProxy", "YARP (proxying)")]
    [InlineData("MassTransit.Transports.ReceiveEndpoint.Start()", "MassTransit", "MassTransit")]
    [InlineData("Microsoft.AspNetCore.Server.Kestrel.Core.Internal.Http.HttpProtocol.ProcessRequests()", "Microsoft.AspNetCore.Server.Kestrel.Core", "Kestrel (HTTP server)")]
    [InlineData("StackExchange.Redis.PhysicalConnection.ReadFromPipe()", "StackExchange.Redis", "StackExchange.Redis")]
    [InlineData("Microsoft.EntityFrameworkCore.Query.QueryCompiler.Execute()", "Microsoft.EntityFrameworkCore", "EF Core")]
    [InlineData("Dating.Matching.Recommendations.RecommendationQueue.TakeAsync()", "Dating.Matching", "our code (Dating.*)")]
    [InlineData("Microsoft.AspNetCore.Routing.Matching.DfaMatcher.MatchAsync()", "Microsoft.AspNetCore.Routing", "ASP.NET Core (routing, auth, middleware, endpoints)")]
    [InlineData("Microsoft.AspNetCore.SignalR.HubConnectionHandler`1.RunHubAsync()", "Microsoft.AspNetCore.SignalR.Core", "SignalR")]
    [InlineData("System.Net.Sockets.SocketAsyncContext.TrySend()", "System.Net.Sockets", "sockets (System.Net.Sockets, send/receive)")]
    [InlineData("Interop+Sys.Send(value class System.Runtime.InteropServices.SafeHandle)", "System.Net.Sockets", "sockets (System.Net.Sockets, send/receive)")]
    [InlineData("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService.CheckHealthAsync()", "Microsoft.Extensions.Diagnostics.HealthChecks", "health checks")]
    [InlineData("System.Collections.Generic.Dictionary`2.FindValue()", "System.Private.CoreLib", "base library: collections, LINQ, strings, memory")]
    [InlineData("System.Threading.ExecutionContext.RunInternal()", "System.Private.CoreLib", "tasks, thread pool, timers, locks")]
    [InlineData("System.Threading.LowLevelSpinWaiter.Wait(int32,int32,bool)", "System.Private.CoreLib", "thread pool between work items (spinning, parking, waking workers)")]
    [InlineData("?", "", "runtime: reflection, type system, stubs, unresolved frames")]
    public void A_frame_goes_to_the_bucket_of_its_namespace(string method, string module, string bucket) =>
        FrameBuckets.Of(Frame(method, module)).Name.ShouldBe(bucket);

    [Fact]
    public void A_compiler_generated_frame_without_a_telling_namespace_goes_by_its_assembly() =>
        FrameBuckets.Of(Frame("<>c__DisplayClass4_0.<Invoke>b__0()", "Npgsql")).ShouldBe(FrameBuckets.Npgsql);

    [Fact]
    public void Plumbing_is_charged_to_the_nearest_named_caller()
    {
        // A memory copy inside the JSON writer, called from our endpoint: JSON's cost, not the base library's nor ours.
        var frames = new[]
        {
            Frame("System.Buffer.Memmove(unsigned int8&,unsigned int8&,unsigned int)", "System.Private.CoreLib"),
            Frame("System.Text.Json.Utf8JsonWriter.Flush()", "System.Text.Json"),
            Frame("Dating.Profiles.Api.ProfileEndpoints.Get()", "Dating.Profiles"),
        };

        FrameBuckets.ComponentOf(frames).ShouldBe(FrameBuckets.Json);
    }

    [Fact]
    public void A_stack_of_plumbing_only_stays_in_the_leafs_plumbing_bucket()
    {
        var frames = new[]
        {
            Frame("System.Collections.Generic.List`1.Add()", "System.Private.CoreLib"),
            Frame("System.Threading.ThreadPoolWorkQueue.Dispatch()", "System.Private.CoreLib"),
        };

        FrameBuckets.ComponentOf(frames).ShouldBe(FrameBuckets.BaseLibrary);
    }

    [Fact]
    public void Every_bucket_is_listed_once_and_the_named_ones_come_before_the_plumbing()
    {
        FrameBuckets.All.Select(b => b.Name).ShouldBeUnique();
        var firstPlumbing = FrameBuckets.All.ToList().FindIndex(b => b.Plumbing);
        FrameBuckets.All.Skip(firstPlumbing).ShouldAllBe(b => b.Plumbing);
    }
}
