namespace Steppe.Web.Hosting;

/// <summary>Refuses a state-changing request sent by a page of another site: when the browser names the
/// request's origin, it must be this host. (Requests without an Origin header, such as curl's, pass.)</summary>
public sealed class SameOriginFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.Headers.Origin is [{ } origin] && Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && !string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Cross-site request refused",
                detail: $"This request came from a page of {uri.Authority}, not of this site.");
        }
        return await next(context);
    }
}
