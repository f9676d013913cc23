using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dating.BuildingBlocks.Sessions;

/// <summary>
/// A fixed window per client address on <c>/api/auth/*</c> (register, login, logout, session), answered with
/// 429 problem details and Retry-After: it slows down password guessing. Whichever process faces the client
/// applies it: the gateway for the microservices, the monolith itself when it runs alone.
/// </summary>
public static class AuthRateLimiting
{
    private static readonly PathString AccountRoutes = "/api/auth";

    public static IHostApplicationBuilder AddAuthRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<AuthRateLimitingOptions>(builder.Configuration.GetSection(AuthRateLimitingOptions.SectionName));
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
            limiter.OnRejected = WriteTooManyRequestsAsync;
        });
        return builder;
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptionsMonitor<AuthRateLimitingOptions>>().CurrentValue;
        if (!options.Enabled || !context.Request.Path.StartsWithSegments(AccountRoutes))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        return RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PermitLimit, Window = options.Window, QueueLimit = 0 });
    }

    private static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? (int)Math.Ceiling(wait.TotalSeconds)
            : 60;
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);

        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"Too many requests from this address. Retry after {retryAfter} s.",
            },
        });
    }
}
