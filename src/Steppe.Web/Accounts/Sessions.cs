using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steppe.Web.Data;

namespace Steppe.Web.Accounts;

/// <summary>A signed-in browser. The cookie holds only <see cref="Key"/>; the sign-in itself is kept here, so
/// that signing out, changing the password or deleting the account ends it at once, on every copy of the cookie.</summary>
public sealed class SessionEntity
{
    public required string Key { get; set; }
    public required string UserId { get; set; }

    /// <summary>The authentication ticket (claims, expiry) as the cookie handler serializes it.</summary>
    public required byte[] Ticket { get; set; }

    public long CreatedAtTicks { get; set; }
    public long? ExpiresAtTicks { get; set; }
}

internal sealed class SessionEntityConfiguration : IEntityTypeConfiguration<SessionEntity>
{
    public void Configure(EntityTypeBuilder<SessionEntity> b)
    {
        b.ToTable("Sessions");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(64);
        // Deleting the account deletes its sessions: a copied cookie of a deleted user is then no one's.
        b.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.UserId);
    }
}

/// <summary>Server-side sessions for the sign-in cookie (the cookie handler's session store). Each call uses the
/// request's own database context.</summary>
public sealed class SessionStore(TimeProvider clock) : ITicketStore
{
    /// <summary>The claim that names the session a principal signed in with.</summary>
    public const string SessionClaim = "steppe:session";

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var userId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A session needs a user.");
        (ticket.Principal.Identity as ClaimsIdentity)?.AddClaim(new Claim(SessionClaim, key));
        var db = Db(httpContext);
        var now = clock.GetUtcNow().UtcTicks;
        await db.Sessions.Where(s => s.UserId == userId && s.ExpiresAtTicks < now).ExecuteDeleteAsync(cancellationToken);
        db.Sessions.Add(new SessionEntity
        {
            Key = key, UserId = userId, Ticket = TicketSerializer.Default.Serialize(ticket), CreatedAtTicks = now,
            ExpiresAtTicks = ticket.Properties.ExpiresUtc?.UtcTicks,
        });
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        // A renewed principal is made afresh (a refresh after a password change, the security stamp check): it
        // keeps naming its session. A sign-in over another user's session moves the session to the new user.
        if (ticket.Principal.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == SessionClaim))
        {
            identity.AddClaim(new Claim(SessionClaim, key));
        }
        var userId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A session needs a user.");
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var expires = ticket.Properties.ExpiresUtc?.UtcTicks;
        await Db(httpContext).Sessions.Where(s => s.Key == key).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Ticket, bytes).SetProperty(x => x.ExpiresAtTicks, expires).SetProperty(x => x.UserId, userId), cancellationToken);
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var bytes = await Db(httpContext).Sessions.AsNoTracking().Where(s => s.Key == key).Select(s => s.Ticket).SingleOrDefaultAsync(cancellationToken);
        return bytes is null ? null : TicketSerializer.Default.Deserialize(bytes);
    }

    public async Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) =>
        await Db(httpContext).Sessions.Where(s => s.Key == key).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Ends every session of the user but the one named (after a password change: other browsers,
    /// perhaps an attacker's, are signed out).</summary>
    public static Task<int> EndOthersAsync(AppDbContext db, string userId, string? keep, CancellationToken ct) =>
        db.Sessions.Where(s => s.UserId == userId && s.Key != keep).ExecuteDeleteAsync(ct);

    /// <summary>Whether the session a principal signed in with is still open (for long-lived connections, which
    /// authenticate once).</summary>
    public static async Task<bool> IsOpenAsync(AppDbContext db, ClaimsPrincipal? user, CancellationToken ct) =>
        user?.FindFirstValue(SessionClaim) is { } key && await db.Sessions.AnyAsync(s => s.Key == key, ct);

    private static AppDbContext Db(HttpContext httpContext) => httpContext.RequestServices.GetRequiredService<AppDbContext>();

    // The cookie handler always passes the request; these overloads have none.
    public Task<string> StoreAsync(AuthenticationTicket ticket) => throw new NotSupportedException();
    public Task RenewAsync(string key, AuthenticationTicket ticket) => throw new NotSupportedException();
    public Task<AuthenticationTicket?> RetrieveAsync(string key) => throw new NotSupportedException();
    public Task RemoveAsync(string key) => throw new NotSupportedException();
}
