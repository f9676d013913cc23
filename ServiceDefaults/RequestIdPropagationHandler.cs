using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

// Forwards the current request's id on outgoing HttpClient calls.
internal sealed class RequestIdPropagationHandler(IHttpContextAccessor httpContextAccessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var requestId = httpContextAccessor.HttpContext?.Request.Headers[RequestId.HeaderName].ToString();
        if (RequestId.IsValid(requestId) && !request.Headers.Contains(RequestId.HeaderName))
        {
            request.Headers.TryAddWithoutValidation(RequestId.HeaderName, requestId);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
