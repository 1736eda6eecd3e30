using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using Steppe.Domain.Banks;
using Steppe.Domain.Interchange;

namespace Steppe.Web.Interchange;

/// <summary>An Anki field's HTML as the text a question holds: sanitised first by a maintained sanitiser (scripts,
/// styles, event handlers and their content gone), then read as text, line breaks and blocks made spaces, entities
/// decoded; Anki's <c>[sound:…]</c> tags removed.</summary>
internal static class AnkiText
{
    private static readonly HtmlSanitizer Sanitizer = new();
    private static readonly HtmlParser Parser = new();

    public static bool HasSound(string html) => html.Contains("[sound:", StringComparison.Ordinal);

    /// <summary>The pictures a field shows: each <c>&lt;img&gt;</c> naming a file of the package (not an address on the
    /// web), with its alt text. The HTML is only parsed here, never shown.</summary>
    public static IReadOnlyList<AnkiPicture> Pictures(string html)
    {
        if (!html.Contains("<img", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }
        return Parser.ParseDocument($"<body>{html}</body>").QuerySelectorAll("img")
            .Select(img => (Src: img.GetAttribute("src")?.Trim(), Alt: img.GetAttribute("alt")))
            .Where(i => !string.IsNullOrEmpty(i.Src) && !i.Src.Contains(':', StringComparison.Ordinal) && !i.Src.StartsWith('/') && !i.Src.Contains("..", StringComparison.Ordinal))
            .Select(i => new AnkiPicture(i.Src!, i.Alt is { Length: > BankRules.MaxAltLength } alt ? alt[..BankRules.MaxAltLength] : i.Alt))
            .ToList();
    }

    public static string ToText(string html)
    {
        if (!html.Contains('<') && !html.Contains('&') && !html.Contains("[sound:", StringComparison.Ordinal))
        {
            return html.Trim();
        }
        var clean = Sanitizer.Sanitize(WithoutSounds(html));
        var document = Parser.ParseDocument($"<body>{clean}</body>");
        var text = new System.Text.StringBuilder();
        Append(document.Body!, text);
        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static void Append(INode node, System.Text.StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child.NodeType == NodeType.Text)
            {
                text.Append(child.TextContent);
            }
            else if (child is IElement element)
            {
                var block = element.LocalName is "br" or "div" or "p" or "li" or "tr" or "td" or "h1" or "h2" or "h3" or "hr";
                if (block)
                {
                    text.Append(' ');
                }
                Append(element, text);
                if (block)
                {
                    text.Append(' ');
                }
            }
        }
    }

    private static string WithoutSounds(string html)
    {
        var result = new System.Text.StringBuilder(html.Length);
        var at = 0;
        while (html.IndexOf("[sound:", at, StringComparison.Ordinal) is var start and >= 0)
        {
            var end = html.IndexOf(']', start);
            if (end < 0)
            {
                break;
            }
            result.Append(html, at, start - at);
            at = end + 1;
        }
        return result.Append(html, at, html.Length - at).ToString();
    }
}
