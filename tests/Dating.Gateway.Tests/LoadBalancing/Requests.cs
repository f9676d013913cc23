using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Dating.Gateway.Tests.LoadBalancing;

internal static class Requests
{
    /// <summary>A request whose session the gateway validated, as the session handler leaves it.</summary>
    public static HttpContext OfUser(Guid userId) => new DefaultHttpContext
    {
        User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", userId.ToString())], authenticationType: "Session")),
    };

    public static HttpContext Anonymous(string address)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return context;
    }
}
