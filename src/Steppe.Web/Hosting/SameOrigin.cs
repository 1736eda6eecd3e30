namespace Steppe.Web.Hosting;

/// <summary>Whether a request was sent by a page of this site. A browser names the page's origin in the
/// <c>Origin</c> header of every cross-origin request, of every POST, PUT and DELETE, and of every WebSocket
/// handshake; a request without one (curl, the .NET SignalR client) is not from a page and passes. An
/// <c>Origin</c> that is not an absolute http(s) address of this host is refused, including the <c>null</c>
/// that a browser sends after a cross-site redirect or from a sandboxed frame.</summary>
public static class SameOrigin
{
    /// <summary>Why the request is refused, or null when it may go on.</summary>
    public static string? Refusal(HttpRequest request)
    {
        var values = request.Headers.Origin;
        if (values.Count == 0)
        {
            return null;
        }
        if (values.Count > 1 || values[0] is not { Length: > 0 } origin)
        {
            return "This request names more than one origin, or an empty one.";
        }
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.PathAndQuery != "/")
        {
            return $"This request came from a page whose origin ('{Shorten(origin)}') is not an address of this site.";
        }
        return string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"This request came from a page of {uri.Authority}, not of this site.";
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    internal static IResult Problem(string reason) => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
        title: "Cross-site request refused", detail: reason);

    /// <summary>Checks the origin of every request to the hubs (negotiation and the WebSocket handshake alike): a
    /// page of another site, or of another port of this host, may not open the live hub with a teacher's cookie.</summary>
    public static IApplicationBuilder UseSameOriginHubs(this IApplicationBuilder app, PathString hubs) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(hubs) && Refusal(context.Request) is { } reason)
            {
                await Problem(reason).ExecuteAsync(context);
                return;
            }
            await next(context);
        });
}

/// <summary>Refuses a state-changing request sent by a page of another site (see <see cref="SameOrigin"/>).</summary>
public sealed class SameOriginFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        SameOrigin.Refusal(context.HttpContext.Request) is { } reason ? SameOrigin.Problem(reason) : await next(context);
}
