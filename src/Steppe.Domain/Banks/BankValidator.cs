using System.Globalization;

namespace Steppe.Domain.Banks;

/// <summary>Walks the positioned JSON tree, collects every problem and builds the model when there are none.</summary>
/// <param name="mediaExists">Says whether a picture's file ("media/map.png") is there to show; null checks the name only.</param>
internal sealed class BankValidator(LineIndex lines, List<BankProblem> problems, Func<string, bool>? mediaExists = null)
{
    private static readonly string[] ImageFields = ["src", "alt"];

    /// <summary>Where the first picture is, to tell a format 1 file that pictures need 1.1.</summary>
    private (string Path, JNode Node)? firstImage;

    private static readonly string[] BankFields =
        ["$schema", "format", "id", "title", "language", "description", "tags", "source", "themes", "questions"];
    private static readonly string[] BankSourceFields = ["title", "file", "sha256", "url"];
    private static readonly string[] ThemeFields = ["id", "title", "keywords"];
    private static readonly string[] QuestionSourceFields = ["paragraph", "text"];
    private static readonly string[] CommonQuestionFields =
        ["id", "type", "prompt", "image", "answer", "explanation", "source", "themes", "tags", "difficulty", "timeLimitSeconds", "points"];

    private static readonly Dictionary<QuestionType, string[]> TypeFields = new()
    {
        [QuestionType.MultipleChoice] = ["choices", "choiceImages"],
        [QuestionType.TrueFalse] = ["correction"],
        [QuestionType.Cloze] = ["accept"],
        [QuestionType.ShortAnswer] = ["accept"],
        [QuestionType.Numeric] = ["unit", "tolerance"],
        [QuestionType.Ordering] = [],
    };

    private static readonly string[] AllQuestionFields =
        CommonQuestionFields.Concat(TypeFields.Values.SelectMany(f => f)).Distinct().ToArray();

    public QuestionBank? Bank(JNode root)
    {
        if (root is not JObject o)
        {
            Add("$", $"must be an object (a bank), not {root.Kind}", root);
            return null;
        }
        Unknown(o, "$", BankFields, null);
        var schema = Text(o, "$", "$schema", required: false, allowBlank: true);
        var format = Number(o, "$", "format", required: true);
        if (format is not null and not (QuestionBank.Format1 or QuestionBank.Format11))
        {
            Add("$.format", $"must be 1 or 1.1 (1.1 adds pictures): this reader knows format versions 1 and 1.1, not {format}", o.Find("format")!.Value);
        }
        var id = SlugField(o, "$", "id", required: true);
        var title = Text(o, "$", "title", required: true);
        var language = Text(o, "$", "language", required: false);
        if (language is not null && !BankRules.LanguageTag().IsMatch(language))
        {
            Add("$.language", $"'{language}' is not a language tag such as \"en\" or \"kk\"", o.Find("language")!.Value);
        }
        var description = Text(o, "$", "description", required: false);
        var tags = TextList(o, "$", "tags");
        var source = BankSourceOf(o);
        var themes = Themes(o);
        var themeIds = themes?.Select(t => t.Id).ToHashSet(StringComparer.Ordinal) ?? [];
        var questions = Questions(o, themeIds);
        if (format == QuestionBank.Format1 && firstImage is { } image)
        {
            Add(image.Path, "is a picture, which needs \"format\": 1.1 (change format from 1 to 1.1)", image.Node);
        }

        if (problems.Count > 0 || id is null || title is null || questions is null)
        {
            return null;
        }
        return new QuestionBank
        {
            Schema = schema,
            Format = format ?? QuestionBank.Format1,
            Id = id,
            Title = title,
            Language = language,
            Description = description,
            Tags = tags,
            Source = source,
            Themes = themes,
            Questions = questions,
        };
    }

    private BankSource? BankSourceOf(JObject bank)
    {
        if (ObjectField(bank, "$", "source") is not { } o)
        {
            return null;
        }
        const string path = "$.source";
        Unknown(o, path, BankSourceFields, null);
        var sha = Text(o, path, "sha256", required: false);
        if (sha is not null && !BankRules.Sha256().IsMatch(sha))
        {
            Add(path + ".sha256", "must be 64 hexadecimal digits (a SHA-256 of the source file)", o.Find("sha256")!.Value);
        }
        return new BankSource(Text(o, path, "title", false), Text(o, path, "file", false), sha, Text(o, path, "url", false));
    }

    private List<Theme>? Themes(JObject bank)
    {
        if (ArrayField(bank, "$", "themes") is not { } array)
        {
            return null;
        }
        var themes = new List<Theme>();
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < array.Items.Count; i++)
        {
            var path = JsonPath.Item("$.themes", i);
            if (array.Items[i] is not JObject o)
            {
                Add(path, $"must be an object (a theme), not {array.Items[i].Kind}", array.Items[i]);
                continue;
            }
            Unknown(o, path, ThemeFields, null);
            var id = SlugField(o, path, "id", required: true);
            var title = Text(o, path, "title", required: true);
            var keywords = TextList(o, path, "keywords");
            if (id is not null && !first.TryAdd(id, i))
            {
                Add(path + ".id", $"duplicate theme id '{id}' (first at $.themes[{first[id]}])", o.Find("id")!.Value);
            }
            if (id is not null && title is not null)
            {
                themes.Add(new Theme(id, title, keywords));
            }
        }
        return themes;
    }

    private List<Question>? Questions(JObject bank, HashSet<string> themeIds)
    {
        var array = ArrayField(bank, "$", "questions", required: true);
        if (array is null)
        {
            return null;
        }
        if (array.Items.Count == 0)
        {
            Add("$.questions", "must hold at least one question", array);
            return null;
        }
        var questions = new List<Question>();
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < array.Items.Count; i++)
        {
            var path = JsonPath.Item("$.questions", i);
            if (array.Items[i] is not JObject o)
            {
                Add(path, $"must be an object (a question), not {array.Items[i].Kind}", array.Items[i]);
                continue;
            }
            var question = Question(o, path, themeIds);
            if (question is null)
            {
                continue;
            }
            if (!first.TryAdd(question.Id, i))
            {
                Add(path + ".id", $"duplicate question id '{question.Id}' (first at $.questions[{first[question.Id]}])", o.Find("id")!.Value);
            }
            questions.Add(question);
        }
        return questions;
    }

    /// <summary>One question on its own (theme ids are not checked against a bank).</summary>
    public Question? SingleQuestion(JNode root)
    {
        if (root is not JObject o)
        {
            Add("$", $"must be an object (a question), not {root.Kind}", root);
            return null;
        }
        var question = Question(o, "$", null);
        return problems.Count == 0 ? question : null;
    }

    private Question? Question(JObject o, string path, HashSet<string>? themeIds)
    {
        var id = SlugField(o, path, "id", required: true);
        var typeName = Text(o, path, "type", required: true);
        QuestionType? type = null;
        if (typeName is not null)
        {
            if (QuestionTypes.TryParse(typeName, out var t))
            {
                type = t;
            }
            else
            {
                Add(path + ".type", $"'{typeName}' is not a question type; use one of {string.Join(", ", QuestionTypes.All.Select(x => x.Name))}", o.Find("type")!.Value);
            }
        }
        Unknown(o, path, type is { } known ? CommonQuestionFields.Concat(TypeFields[known]).ToArray() : AllQuestionFields, type);
        var prompt = Text(o, path, "prompt", required: true);
        var image = Image(o, path, "image");

        var explanation = Text(o, path, "explanation", required: false);
        var source = QuestionSourceOf(o, path);
        var themes = ThemeRefs(o, path, themeIds);
        var tags = TextList(o, path, "tags");
        var difficulty = Number(o, path, "difficulty", required: false);
        if (difficulty is < 0 or > 1)
        {
            Add(path + ".difficulty", "must be between 0 (easy) and 1 (hard)", o.Find("difficulty")!.Value);
        }
        var timeLimit = Integer(o, path, "timeLimitSeconds", required: false);
        if (timeLimit is < BankRules.MinTimeLimitSeconds or > BankRules.MaxTimeLimitSeconds)
        {
            Add(path + ".timeLimitSeconds", $"must be between {BankRules.MinTimeLimitSeconds} and {BankRules.MaxTimeLimitSeconds} seconds", o.Find("timeLimitSeconds")!.Value);
        }
        var points = Integer(o, path, "points", required: false);
        if (points is not null && !BankRules.AllowedPoints.Contains(points.Value))
        {
            Add(path + ".points", "must be 0, 1000 or 2000", o.Find("points")!.Value);
        }

        // Type-specific rules run even when a common field is bad, so that every problem is reported at once.
        Question? question = type switch
        {
            null => null,
            QuestionType.MultipleChoice => MultipleChoice(o, path),
            QuestionType.TrueFalse => TrueFalse(o, path),
            QuestionType.Cloze => Cloze(o, path, prompt),
            QuestionType.ShortAnswer => ShortAnswer(o, path),
            QuestionType.Numeric => Numeric(o, path),
            _ => Ordering(o, path),
        };
        return question is null || id is null || prompt is null ? null : question with
        {
            Id = id,
            Prompt = prompt,
            Explanation = explanation,
            Source = source,
            Themes = themes,
            Tags = tags,
            Difficulty = difficulty,
            TimeLimitSeconds = timeLimit,
            Points = points,
            Image = image,
        };
    }

    // The type-specific builders fill their own fields; Question() fills the common ones with `with`.

    private MultipleChoiceQuestion? MultipleChoice(JObject o, string path)
    {
        var choices = TextList(o, path, "choices", required: true);
        var answer = Text(o, path, "answer", required: true);
        if (choices is null || answer is null)
        {
            return null;
        }
        var node = o.Find("choices")!.Value;
        if (choices.Count is < BankRules.MinChoices or > BankRules.MaxChoices)
        {
            Add(path + ".choices", $"must hold {BankRules.MinChoices} to {BankRules.MaxChoices} choices, not {choices.Count}", node);
        }
        ReportRepeats(choices, path + ".choices", (JArray)node, "choice");
        if (!choices.Contains(answer, StringComparer.Ordinal))
        {
            Add(path + ".answer", "must equal one of choices", o.Find("answer")!.Value);
        }
        return new MultipleChoiceQuestion { Id = "", Prompt = "", Choices = choices, Answer = answer, ChoiceImages = ChoiceImages(o, path, choices.Count) };
    }

    /// <summary>One picture per choice, in the order of the choices; null for a choice without one.</summary>
    private List<QuestionImage?>? ChoiceImages(JObject o, string path, int choices)
    {
        if (ArrayField(o, path, "choiceImages") is not { } array)
        {
            return null;
        }
        var listPath = path + ".choiceImages";
        if (array.Items.Count != choices)
        {
            Add(listPath, $"must hold one entry per choice ({choices}), a picture or null, not {array.Items.Count}", array);
        }
        var images = new List<QuestionImage?>();
        for (var i = 0; i < array.Items.Count; i++)
        {
            images.Add(array.Items[i] is JNull ? null : ImageOf(array.Items[i], JsonPath.Item(listPath, i)));
        }
        return images.Any(i => i is not null) ? images : null;
    }

    private QuestionImage? Image(JObject o, string path, string name) =>
        Field(o, path, name, required: false) is { } node ? ImageOf(node, JsonPath.Property(path, name)) : null;

    /// <summary>A picture: <c>{ "src": "media/….png", "alt": "what it shows" }</c>.</summary>
    private QuestionImage? ImageOf(JNode node, string path)
    {
        if (node is not JObject o)
        {
            Add(path, $"must be an object {{ \"src\": \"media/….png\", \"alt\": \"what it shows\" }}, not {node.Kind}", node);
            return null;
        }
        firstImage ??= (path, node);
        Unknown(o, path, ImageFields, null);
        var src = Text(o, path, "src", required: true);
        var seen = problems.Count;
        var alt = Text(o, path, "alt", required: true);
        if (problems.Count > seen)
        {
            // Text() said "is required" or "must not be empty"; say what to write.
            problems[^1] = problems[^1] with { Message = problems[^1].Message + ": say in words what the picture shows, for a reader who cannot see it" };
        }
        if (src is not null && !BankRules.MediaSrc().IsMatch(src))
        {
            Add(path + ".src", $"'{src}' is not a picture of the bank's media: write \"media/\" and a file name of letters, digits, '.', '-' or '_' ending in .png, .jpg, .jpeg, .webp or .gif", o.Find("src")!.Value);
            return null;
        }
        if (src is not null && mediaExists is not null && !mediaExists(src[QuestionImage.Folder.Length..]))
        {
            Add(path + ".src", $"'{src}' is not among the pictures here: upload it in the editor (or put the file in question-bank/media/)", o.Find("src")!.Value);
        }
        if (alt is not null && alt.Length > BankRules.MaxAltLength)
        {
            Add(path + ".alt", $"is {alt.Length} characters; alt text says what the picture shows in at most {BankRules.MaxAltLength}", o.Find("alt")!.Value);
            return null;
        }
        return src is null || alt is null ? null : new QuestionImage(src, alt);
    }

    private TrueFalseQuestion? TrueFalse(JObject o, string path)
    {
        var answer = Boolean(o, path, "answer");
        var correction = Text(o, path, "correction", required: false);
        if (answer == true && correction is not null)
        {
            Add(path + ".correction", "is only for a false statement (answer is true)", o.Find("correction")!.Value);
        }
        return answer is null ? null : new TrueFalseQuestion { Id = "", Prompt = "", Answer = answer.Value, Correction = correction };
    }

    private ClozeQuestion? Cloze(JObject o, string path, string? prompt)
    {
        var runs = BankRules.UnderscoreRun().Matches(prompt ?? ClozeQuestion.Blank);
        if (runs.Count != 1 || runs[0].Length != ClozeQuestion.Blank.Length)
        {
            Add(path + ".prompt", $"must hold exactly one blank written {ClozeQuestion.Blank} (four underscores); found {Describe(runs)}", o.Find("prompt")!.Value);
        }
        var answer = Text(o, path, "answer", required: true);
        var accept = TextList(o, path, "accept");
        return answer is null ? null : new ClozeQuestion { Id = "", Prompt = "", Answer = answer, Accept = accept };

        static string Describe(System.Text.RegularExpressions.MatchCollection runs) =>
            runs.Count == 0 ? "none" : string.Join(", ", runs.Select(r => $"{r.Length} underscores at character {r.Index + 1}"));
    }

    private ShortAnswerQuestion? ShortAnswer(JObject o, string path)
    {
        var answer = Text(o, path, "answer", required: true);
        var accept = TextList(o, path, "accept");
        return answer is null ? null : new ShortAnswerQuestion { Id = "", Prompt = "", Answer = answer, Accept = accept };
    }

    private NumericQuestion? Numeric(JObject o, string path)
    {
        var answer = Number(o, path, "answer", required: true);
        var unit = Text(o, path, "unit", required: false);
        var tolerance = Number(o, path, "tolerance", required: false);
        if (tolerance < 0)
        {
            Add(path + ".tolerance", "must not be negative", o.Find("tolerance")!.Value);
        }
        return answer is null ? null : new NumericQuestion { Id = "", Prompt = "", Answer = answer.Value, Unit = unit, Tolerance = tolerance };
    }

    private OrderingQuestion? Ordering(JObject o, string path)
    {
        var items = TextList(o, path, "answer", required: true);
        if (items is null)
        {
            return null;
        }
        if (items.Count < BankRules.MinOrderingItems)
        {
            Add(path + ".answer", $"must list at least {BankRules.MinOrderingItems} items to put in order", o.Find("answer")!.Value);
        }
        ReportRepeats(items, path + ".answer", (JArray)o.Find("answer")!.Value, "item");
        return new OrderingQuestion { Id = "", Prompt = "", Answer = items };
    }

    private QuestionSource? QuestionSourceOf(JObject question, string parent)
    {
        if (ObjectField(question, parent, "source") is not { } o)
        {
            return null;
        }
        var path = parent + ".source";
        Unknown(o, path, QuestionSourceFields, null);
        var text = Text(o, path, "text", required: true);
        var paragraph = Integer(o, path, "paragraph", required: false);
        if (paragraph < 1)
        {
            Add(path + ".paragraph", "must be 1 or more (paragraphs are counted from 1)", o.Find("paragraph")!.Value);
        }
        return text is null ? null : new QuestionSource(text, paragraph);
    }

    private List<string>? ThemeRefs(JObject question, string parent, HashSet<string>? themeIds)
    {
        var refs = TextList(question, parent, "themes");
        if (refs is null)
        {
            return null;
        }
        var array = (JArray)question.Find("themes")!.Value;
        for (var i = 0; i < refs.Count; i++)
        {
            if (themeIds is not null && !themeIds.Contains(refs[i]))
            {
                Add(JsonPath.Item(parent + ".themes", i), $"'{refs[i]}' is not the id of a theme in $.themes", array.Items[i]);
            }
        }
        ReportRepeats(refs, parent + ".themes", array, "theme");
        return refs;
    }

    // ---- field readers: each reports its own problem and returns null when the value is unusable ----

    private void Unknown(JObject o, string path, IReadOnlyCollection<string> allowed, QuestionType? type)
    {
        foreach (var p in o.Properties)
        {
            if (allowed.Contains(p.Name))
            {
                continue;
            }
            var fieldPath = JsonPath.Property(path, p.Name);
            if (type is { } t && AllQuestionFields.Contains(p.Name))
            {
                Add(fieldPath, $"is not a field of a {t.Name()} question", p.NameOffset);
                continue;
            }
            var near = allowed.Where(a => Distance(a, p.Name) <= 2).OrderBy(a => Distance(a, p.Name)).FirstOrDefault();
            Add(fieldPath, near is null ? $"unknown field '{p.Name}'" : $"unknown field '{p.Name}'; did you mean '{near}'?", p.NameOffset);
        }
    }

    private JNode? Field(JObject o, string path, string name, bool required)
    {
        var node = o.Find(name)?.Value;
        if (node is null && required)
        {
            Add(JsonPath.Property(path, name), "is required", o);
        }
        return node;
    }

    private string? Text(JObject o, string path, string name, bool required, bool allowBlank = false)
    {
        var node = Field(o, path, name, required);
        if (node is null)
        {
            return null;
        }
        if (node is not JString s)
        {
            Add(JsonPath.Property(path, name), $"must be a string, not {node.Kind}", node);
            return null;
        }
        if (!allowBlank && BankRules.IsBlank(s.Value))
        {
            Add(JsonPath.Property(path, name), "must not be empty", node);
            return null;
        }
        return s.Value;
    }

    private string? SlugField(JObject o, string path, string name, bool required)
    {
        var value = Text(o, path, name, required);
        if (value is null)
        {
            return null;
        }
        if (!BankRules.Slug().IsMatch(value) || value.Length > BankRules.MaxIdLength)
        {
            Add(JsonPath.Property(path, name), $"'{value}' is not a slug: lower-case letters and digits joined by single hyphens, at most {BankRules.MaxIdLength} characters", o.Find(name)!.Value);
            return null;
        }
        return value;
    }

    private List<string>? TextList(JObject o, string path, string name, bool required = false)
    {
        var array = ArrayField(o, path, name, required);
        if (array is null)
        {
            return null;
        }
        var list = new List<string>();
        var ok = true;
        for (var i = 0; i < array.Items.Count; i++)
        {
            var item = array.Items[i];
            var itemPath = JsonPath.Item(JsonPath.Property(path, name), i);
            if (item is not JString s)
            {
                Add(itemPath, $"must be a string, not {item.Kind}", item);
                ok = false;
            }
            else if (BankRules.IsBlank(s.Value))
            {
                Add(itemPath, "must not be empty", item);
                ok = false;
            }
            else
            {
                list.Add(s.Value);
            }
        }
        return ok ? list : null;
    }

    private void ReportRepeats(List<string> values, string path, JArray array, string what)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            if (!first.TryAdd(values[i], i))
            {
                Add(JsonPath.Item(path, i), $"repeats {what} {first[values[i]] + 1} ('{values[i]}')", array.Items[i]);
            }
        }
    }

    private JArray? ArrayField(JObject o, string path, string name, bool required = false)
    {
        var node = Field(o, path, name, required);
        if (node is null or JArray)
        {
            return (JArray?)node;
        }
        Add(JsonPath.Property(path, name), $"must be an array, not {node.Kind}", node);
        return null;
    }

    private JObject? ObjectField(JObject o, string path, string name)
    {
        var node = Field(o, path, name, required: false);
        if (node is null or JObject)
        {
            return (JObject?)node;
        }
        Add(JsonPath.Property(path, name), $"must be an object, not {node.Kind}", node);
        return null;
    }

    private decimal? Number(JObject o, string path, string name, bool required)
    {
        var node = Field(o, path, name, required);
        if (node is null)
        {
            return null;
        }
        if (node is not JNumber n)
        {
            Add(JsonPath.Property(path, name), $"must be a number, not {node.Kind}", node);
            return null;
        }
        if (!decimal.TryParse(n.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            Add(JsonPath.Property(path, name), $"{n.Text} is out of range", node);
            return null;
        }
        return value;
    }

    private int? Integer(JObject o, string path, string name, bool required)
    {
        var value = Number(o, path, name, required);
        if (value is null)
        {
            return null;
        }
        if (value != decimal.Truncate(value.Value) || value is > int.MaxValue or < int.MinValue)
        {
            Add(JsonPath.Property(path, name), $"must be a whole number, not {value}", o.Find(name)!.Value);
            return null;
        }
        return (int)value.Value;
    }

    private bool? Boolean(JObject o, string path, string name)
    {
        var node = Field(o, path, name, required: true);
        if (node is null)
        {
            return null;
        }
        if (node is not JBool b)
        {
            Add(JsonPath.Property(path, name), $"must be true or false, not {node.Kind}", node);
            return null;
        }
        return b.Value;
    }

    private void Add(string path, string message, JNode node) => Add(path, message, node.Offset);

    private void Add(string path, string message, long offset) => problems.Add(BankReader.At(lines, path, message, offset));

    /// <summary>Levenshtein distance, for "did you mean" on misspelt field names.</summary>
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1),
                    diagonal + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
