using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Steppe.Web.Live;

namespace Steppe.Web.Tests.Live;

/// <summary>docs/live-protocol.md is what a client is written from: its method tables must name exactly the hub's
/// methods, with their arguments, and host methods must be the ones that need an account.</summary>
public sealed partial class ProtocolDocumentTests
{
    private static readonly string[] Document = File.ReadAllLines(Repo.File("docs", "live-protocol.md"));

    /// <summary>The rows of the table under a heading: method name → its arguments as written (`pin, locked`).</summary>
    private static Dictionary<string, string> Table(string heading)
    {
        var start = Array.FindIndex(Document, l => l.StartsWith(heading, StringComparison.Ordinal));
        start.Should().BeGreaterThan(0, $"the document has '{heading}'");
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Document.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).Skip(2).TakeWhile(l => l.StartsWith('|')))
        {
            var cells = line.Split('|');
            foreach (Match name in Code().Matches(cells[1]))
            {
                rows[name.Groups[1].Value] = Code().Match(cells[2]).Groups[1].Value;
            }
        }
        return rows;
    }

    private static IEnumerable<MethodInfo> HubMethods() =>
        typeof(LiveHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName);

    [Fact]
    public void The_document_names_every_hub_method_and_no_other()
    {
        var documented = Table("## Host methods").Keys.Concat(Table("## Player methods").Keys);

        documented.Should().BeEquivalentTo(HubMethods().Select(m => m.Name).Where(n => n is not ("OnConnectedAsync" or "OnDisconnectedAsync")));
    }

    [Fact]
    public void Host_methods_need_an_account_and_player_methods_do_not()
    {
        var host = Table("## Host methods").Keys.ToHashSet();

        foreach (var method in HubMethods().Where(m => m.Name is not ("OnConnectedAsync" or "OnDisconnectedAsync")))
        {
            method.GetCustomAttribute<AuthorizeAttribute>().Should().Match<AuthorizeAttribute?>(a => (a != null) == host.Contains(method.Name),
                $"{method.Name} is documented as a {(host.Contains(method.Name) ? "host" : "player")} method");
        }
    }

    [Fact]
    public void Each_methods_arguments_are_those_the_document_lists()
    {
        var rows = Table("## Host methods").Concat(Table("## Player methods"));

        foreach (var (name, arguments) in rows.Where(r => !r.Value.StartsWith('{')))
        {
            var method = HubMethods().Single(m => m.Name == name);
            // An object argument is written out ({ text?, choice?, order? }): only the plain names before it are compared.
            var written = arguments.Split('{')[0].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            method.GetParameters().Select(p => p.Name).Take(written.Length).Should().Equal(written, $"the arguments of {name}");
        }
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
