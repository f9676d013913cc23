using System.Net;
using Microsoft.AspNetCore.Http;

namespace Dating.Profiles.Sessions;

internal static class ClientAddress
{
    /// <summary>
    /// The caller's address. Behind the gateway every request comes from loopback, so then the gateway's
    /// <c>X-Forwarded-For</c> (its last entry, the one the gateway itself saw) names the client.
    /// </summary>
    public static string Of(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress is { IsIPv4MappedToIPv6: true } mapped
            ? mapped.MapToIPv4()
            : context.Connection.RemoteIpAddress;
        if (remote is null || IPAddress.IsLoopback(remote))
        {
            var forwarded = context.Request.Headers["X-Forwarded-For"].ToString();
            var last = forwarded.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
            if (IPAddress.TryParse(last, out var client))
            {
                return client.ToString();
            }
        }

        return remote?.ToString() ?? "unknown";
    }
}
