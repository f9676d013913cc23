using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dating.Gateway.RateLimiting;

// A fixed window per client address on the account routes (register, login): slows down password guessing.
public static class AuthRateLimiting
{
    public const string PolicyName = "auth";

    public static IHostApplicationBuilder AddAuthRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<AuthRateLimitingOptions>(builder.Configuration.GetSection(AuthRateLimitingOptions.SectionName));
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PolicyName, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptionsMonitor<AuthRateLimitingOptions>>().CurrentValue;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PermitLimit, Window = options.Window, QueueLimit = 0 });
            });
            limiter.OnRejected = WriteTooManyRequestsAsync;
        });

        return builder;
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
