using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Steppe.Web.Accounts;
using Steppe.Web.Banks;
using Steppe.Web.Generation;
using Steppe.Web.Live;

namespace Steppe.Web.Tests.Hosting;

/// <summary>The README's settings table says every setting's default and allowed range as the options classes do:
/// a range or default changed in code and not in the README (or the reverse) fails here.</summary>
public sealed class SettingsTableTests
{
    private static readonly (Type Options, string Section)[] Sections =
    [
        (typeof(BanksOptions), BanksOptions.Section),
        (typeof(AccountsOptions), AccountsOptions.Section),
        (typeof(GenerationLimits), GenerationLimits.Section),
        (typeof(LiveOptions), LiveOptions.Section),
    ];

    /// <summary>The README's rows: setting → (default, allowed).</summary>
    private static Dictionary<string, (string Default, string Allowed)> Rows()
    {
        var readme = File.ReadAllLines(Repo.File("README.md"));
        var header = Array.FindIndex(readme, l => l.StartsWith("| setting | default | allowed |", StringComparison.Ordinal));
        header.Should().BeGreaterThan(0, "the README has a settings table with an 'allowed' column");
        return readme.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .ToDictionary(c => c[1].Trim('`'), c => (c[2], c[3]));
    }

    private static string Shown(string property, object value)
    {
        var n = Convert.ToInt64(value, CultureInfo.InvariantCulture);
        if (property.Contains("Bytes", StringComparison.Ordinal) && n >= 1024)
        {
            foreach (var (unit, size) in new[] { ("GB", 1L << 30), ("MB", 1L << 20), ("KB", 1L << 10) })
            {
                if (n % size == 0)
                {
                    return $"{n / size} {unit}";
                }
            }
        }
        return n.ToString("N0", CultureInfo.InvariantCulture);
    }

    public static TheoryData<string, string, string, string> Settings()
    {
        var rows = new TheoryData<string, string, string, string>();
        foreach (var (type, section) in Sections)
        {
            var defaults = Activator.CreateInstance(type)!;
            foreach (var p in type.GetProperties().Where(p => p.GetCustomAttribute<RangeAttribute>() is not null))
            {
                var range = p.GetCustomAttribute<RangeAttribute>()!;
                rows.Add($"{section}:{p.Name}", Shown(p.Name, p.GetValue(defaults)!), $"{Shown(p.Name, range.Minimum)} to {Shown(p.Name, range.Maximum)}", p.Name);
            }
        }
        return rows;
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void The_readme_gives_each_settings_default_and_range(string setting, string shownDefault, string allowed, string property)
    {
        Rows().Should().ContainKey(setting, $"{property} is a setting").WhoseValue.Should().Be((shownDefault, allowed));
    }

    [Fact]
    public void Every_setting_the_readme_names_exists()
    {
        var known = Sections.SelectMany(s => s.Options.GetProperties().Select(p => $"{s.Section}:{p.Name}")).ToHashSet();

        Rows().Keys.Where(k => !known.Contains(k) && k != "ConnectionStrings:Steppe" && !k.StartsWith("Urls", StringComparison.Ordinal)).Should().BeEmpty();
    }
}
