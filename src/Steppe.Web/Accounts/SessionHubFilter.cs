using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Steppe.Web.Data;

namespace Steppe.Web.Accounts;

/// <summary>A hub connection is signed in once, when it opens. Before each call that needs a signed-in user, this
/// filter checks that the session is still open: a host page left open on another computer after signing out,
/// changing the password or deleting the account can host nothing more (what anyone may do, such as joining a
/// game, it still may).</summary>
public sealed class SessionHubFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (context.HubMethod.GetCustomAttribute<AuthorizeAttribute>() is not null
            && !await SessionStore.IsOpenAsync(context.ServiceProvider.GetRequiredService<AppDbContext>(), context.Context.User, context.Context.ConnectionAborted))
        {
            throw new HubException("You are signed out (signed out elsewhere, a new password, or the account deleted): sign in again.");
        }
        return await next(context);
    }
}
