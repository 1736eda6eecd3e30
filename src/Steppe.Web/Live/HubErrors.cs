using Microsoft.AspNetCore.SignalR;

namespace Steppe.Web.Live;

/// <summary>SignalR logs every exception a hub method throws as an error with its stack trace, including the
/// <see cref="HubException"/>s that are answers ("You have 5 games open"). A client could make the server write
/// thousands of such entries a second, so those are not logged (SignalR's own log of them is turned off in
/// <see cref="LiveSetup.AddLive"/>), and this filter logs the rest, the real faults.</summary>
public sealed class HubErrors(ILogger<HubErrors> log) : IHubFilter
{
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is not HubException and not OperationCanceledException)
        {
            log.LogError(e, "Hub method {Method} failed", context.HubMethodName);
            throw;
        }
    }
}
