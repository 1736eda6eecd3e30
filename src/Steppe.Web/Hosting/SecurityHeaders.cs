namespace Steppe.Web.Hosting;

/// <summary>Headers on every answer that tell the browser what a page of Steppe may do. The pages' scripts and
/// styles are files of this site, so the content security policy allows nothing inline: an injected
/// <c>&lt;script&gt;</c> or <c>style</c> attribute does not run. No page may be framed (clickjacking of the
/// account or host page), the type a response declares is final, and no address leaves in a Referer.</summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private const string HttpItem = "steppe-style-nonce";

    /// <summary>A nonce that lets this response's page add style elements (CodeMirror writes its styles into one);
    /// scripts stay files only. Made for the one page that asks for it.</summary>
    public static string StyleNonce(HttpContext context)
    {
        if (context.Items[HttpItem] is not string nonce)
        {
            context.Items[HttpItem] = nonce = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        }
        return nonce;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // A response that set its own, stricter policy keeps it (a picture: nothing in it may run).
                headers.ContentSecurityPolicy = headers.ContentSecurityPolicy.Count > 0 ? headers.ContentSecurityPolicy
                    : context.Items[HttpItem] is string nonce
                    ? ContentSecurityPolicy.Replace("style-src 'self'", $"style-src 'self' 'nonce-{nonce}'", StringComparison.Ordinal)
                    : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY"; // for browsers that predate frame-ancestors
                headers["Referrer-Policy"] = "same-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
