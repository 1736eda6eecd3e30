namespace Steppe.Web.Hosting;

/// <summary>A request the server refused while reading it (a body over the size limit, sent in chunks so that
/// its length was not known in advance; a malformed body) is the client's error with Kestrel's status, such as
/// 413, never a 500.</summary>
public static class BadRequests
{
    public static int StatusCode(Exception exception) =>
        exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
}
