using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

// WebApplication shows the developer exception page in Development; clients of this system get the same
// problem details there as anywhere else, never a stack trace.
internal sealed class SafeDeveloperExceptionFilter(IProblemDetailsService problemDetails, IOptions<ExceptionHandlerOptions> options)
    : IDeveloperPageExceptionFilter
{
    public async Task HandleExceptionAsync(ErrorContext errorContext, Func<ErrorContext, Task> next)
    {
        var http = errorContext.HttpContext;
        http.Response.StatusCode = options.Value.StatusCodeSelector?.Invoke(errorContext.Exception)
            ?? StatusCodes.Status500InternalServerError;

        await problemDetails.WriteAsync(new ProblemDetailsContext { HttpContext = http, Exception = errorContext.Exception });
    }
}
