using Microsoft.AspNetCore.SignalR;

namespace Steppe.Web.Live;

/// <summary>SignalR logs every exception a hub method throws as an error with its stack trace, including the
/// <see cref="HubException"/>s that are answers ("You have 5 games open"). A client could make the server write
/// thousands of such entries a second, so those are not logged (SignalR's own log of them is turned off in
/// <see cref="LiveSetup.AddLive"/>): this filter logs a refusal as one information line (at most ten a second) and
/// only the real faults as errors, with their stack.</summary>
public sealed class HubErrors(ILogger<HubErrors> log) : IHubFilter
{
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (HubException e)
        {
            // An expected refusal: one line at information level, at most ten a second for the whole server,
            // however many connections a client opens.
            if (Refusals.AttemptAcquire().IsAcquired)
            {
                log.LogInformation("Hub method {Method} refused: {Reason}", context.HubMethodName, e.Message);
            }
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Hub method {Method} failed", context.HubMethodName);
            throw;
        }
    }

    private static readonly System.Threading.RateLimiting.TokenBucketRateLimiter Refusals = new(new()
    {
        TokenLimit = 10, TokensPerPeriod = 10, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0, AutoReplenishment = true,
    });
}
