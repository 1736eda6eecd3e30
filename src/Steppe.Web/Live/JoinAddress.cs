using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Steppe.Web.Live;

/// <summary>The address players' phones open to join, shown on the projector and in its QR code: the configured
/// <see cref="LiveOptions.PublicUrl"/>; else the address the host's own browser used, when it is not this machine's
/// loopback; else this machine's network address, when the server listens on it; else the loopback address with a
/// warning for the host, because phones cannot reach it.</summary>
public sealed class JoinAddress(IServer server, IOptions<LiveOptions> options)
{
    public const string LocalOnlyWarning = "Phones cannot open this address: the server listens on this computer only. "
        + "Start it with --urls http://0.0.0.0:5000 (and let port 5000 through the firewall), or set Live:PublicUrl; see the README, \"Running a class\".";

    public (string Address, string? Warning) For(HttpRequest request) =>
        Choose(options.Value.PublicUrl, $"{request.Scheme}://{request.Host}", server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [], LanAddresses);

    /// <summary>The choice, given what the server knows (a pure function, for tests).</summary>
    public static (string Address, string? Warning) Choose(string? publicUrl, string requestAddress, IEnumerable<string> listening, Func<IReadOnlyList<IPAddress>> lan)
    {
        if (!string.IsNullOrWhiteSpace(publicUrl))
        {
            return (publicUrl.TrimEnd('/'), null);
        }
        var request = new Uri(requestAddress);
        if (!IsLoopback(request.Host))
        {
            return (requestAddress, null);
        }
        foreach (var binding in listening)
        {
            var uri = new Uri(binding.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal));
            if (IsLoopback(uri.Host))
            {
                continue;
            }
            var any = uri.Host is "0.0.0.0" or "[::]" or "::";
            var host = any ? lan().FirstOrDefault()?.ToString() : uri.Host;
            if (host is not null)
            {
                return ($"{uri.Scheme}://{host}:{uri.Port}", null);
            }
        }
        return (requestAddress, LocalOnlyWarning);
    }

    private static bool IsLoopback(string host) =>
        host is "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>This machine's IPv4 addresses on networks that are up, not loopback.</summary>
    private static IReadOnlyList<IPAddress> LanAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses.Select(a => a.Address))
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            .ToList();
}
