using System.Net;
using Steppe.Web.Live;

namespace Steppe.Web.Tests.Live;

/// <summary>The address the projector shows for phones to open: one they can reach, or a warning to the host.</summary>
public sealed class JoinAddressTests
{
    private static readonly Func<IReadOnlyList<IPAddress>> Lan = () => [IPAddress.Parse("192.168.1.20")];
    private static readonly Func<IReadOnlyList<IPAddress>> NoNetwork = () => [];

    public static TheoryData<string, string?, string, string[], bool, string, bool> Cases => new()
    {
        { "a configured public address wins", "https://quiz.school.example/", "http://localhost:5000", ["http://localhost:5000"], true, "https://quiz.school.example", false },
        { "the host opened the page by its network address", null, "http://192.168.1.20:5000", ["http://0.0.0.0:5000"], true, "http://192.168.1.20:5000", false },
        { "the host is on localhost, the server listens on every address", null, "http://localhost:5000", ["http://0.0.0.0:5000"], true, "http://192.168.1.20:5000", false },
        { "the same with a + binding", null, "http://127.0.0.1:5000", ["http://+:8080"], true, "http://192.168.1.20:8080", false },
        { "the server listens on this computer only", null, "http://localhost:5000", ["http://localhost:5000"], true, "http://localhost:5000", true },
        { "every address, but no network is up", null, "http://localhost:5000", ["http://[::]:5000"], false, "http://localhost:5000", true },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Phones_get_an_address_they_can_open_or_the_host_is_warned(string why, string? publicUrl, string request, string[] listening, bool network, string expected, bool warned)
    {
        var (address, warning) = JoinAddress.Choose(publicUrl, request, listening, network ? Lan : NoNetwork);

        address.Should().Be(expected, why);
        (warning is not null).Should().Be(warned, why);
    }
}
