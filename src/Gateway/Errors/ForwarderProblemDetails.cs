using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Dating.Gateway.Errors;

// YARP answers its own failures (no destination, unreachable, too slow) with an empty 502/503/504;
// the status code pages of the service defaults turn that into problem details, and this says why.
internal static class ForwarderProblemDetails
{
    public static IServiceCollection AddForwarderProblemDetails(this IServiceCollection services) =>
        services.PostConfigure<ProblemDetailsOptions>(options =>
        {
            var customize = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                customize?.Invoke(context);
                Describe(context);
            };
        });

    private static void Describe(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        if (http.Features.Get<IForwarderErrorFeature>() is not { } error)
        {
            return;
        }

        var service = http.Features.Get<IReverseProxyFeature>()?.Cluster.Config.ClusterId ?? "upstream";
        context.ProblemDetails.Detail = error.Error switch
        {
            ForwarderError.NoAvailableDestinations => $"No instance of the {service} service is available.",
            ForwarderError.RequestTimedOut => $"The {service} service did not answer in time.",
            ForwarderError.RequestCanceled => "The request was canceled.",
            ForwarderError.RequestBodyClient when http.Response.StatusCode == StatusCodes.Status413PayloadTooLarge =>
                "The request body is larger than this route accepts.",
            ForwarderError.RequestBodyClient or ForwarderError.RequestBodyCanceled => "The request body could not be read.",
            _ => $"The {service} service could not be reached.",
        };

        if (error.Error == ForwarderError.NoAvailableDestinations && !http.Response.HasStarted)
        {
            http.Response.Headers.RetryAfter = "5";
        }
    }
}
