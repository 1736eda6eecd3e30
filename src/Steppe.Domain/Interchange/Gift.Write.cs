using System.Globalization;
using System.Text;
using Steppe.Domain.Banks;

namespace Steppe.Domain.Interchange;

/// <summary>GIFT written: see <see cref="Gift"/>.</summary>
public static partial class Gift
{
    /// <summary>The bank in GIFT, with a note for each question GIFT cannot hold (ordering).</summary>
    public static string Write(QuestionBank bank)
    {
        var gift = new StringBuilder();
        gift.Append("// ").Append(Escape(bank.Title)).Append(" (exported by Steppe from the bank '").Append(bank.Id).Append("')\n\n");
        foreach (var q in bank.Questions)
        {
            var feedback = q.Explanation is null ? "" : $" ####{Escape(q.Explanation)}";
            var head = $"::{Escape(q.Id)}:: ";
            switch (q)
            {
                case MultipleChoiceQuestion mc:
                    var choices = string.Join(' ', mc.Choices.Select(c => (c == mc.Answer ? "=" : "~") + Escape(c)));
                    gift.Append(head).Append(Escape(mc.Prompt)).Append(" {").Append(choices).Append(feedback).Append("}\n\n");
                    break;
                case TrueFalseQuestion tf:
                    gift.Append(head).Append(Escape(tf.Prompt)).Append(tf.Answer ? " {T" : " {F").Append(feedback).Append("}\n\n");
                    break;
                case ClozeQuestion cloze:
                    var blank = cloze.Prompt.IndexOf(ClozeQuestion.Blank, StringComparison.Ordinal);
                    gift.Append(head).Append(Escape(cloze.Prompt[..blank].TrimEnd())).Append(" {").Append(Accepted(cloze.Answer, cloze.Accept)).Append(feedback).Append("} ")
                        .Append(Escape(cloze.Prompt[(blank + ClozeQuestion.Blank.Length)..].TrimStart())).Append("\n\n");
                    break;
                case ShortAnswerQuestion sa:
                    gift.Append(head).Append(Escape(sa.Prompt)).Append(" {").Append(Accepted(sa.Answer, sa.Accept)).Append(feedback).Append("}\n\n");
                    break;
                case NumericQuestion n:
                    var tolerance = n.Tolerance is { } t ? ":" + t.ToString(CultureInfo.InvariantCulture) : "";
                    var unit = n.Unit is null ? "" : $" ({Escape(n.Unit)})";
                    gift.Append(head).Append(Escape(n.Prompt)).Append(unit).Append(" {#").Append(n.Answer.ToString(CultureInfo.InvariantCulture)).Append(tolerance).Append(feedback).Append("}\n\n");
                    break;
                default:
                    gift.Append("// ").Append(q.Id).Append(": an ordering question, which GIFT cannot hold, is left out\n\n");
                    break;
            }
        }
        return gift.ToString();

        static string Accepted(string answer, IReadOnlyList<string>? accept) =>
            string.Join(' ', new[] { answer }.Concat(accept ?? []).Select(a => "=" + Escape(a)));
    }

    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (c is '~' or '=' or '#' or '{' or '}' or ':' or '\\')
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }
}
