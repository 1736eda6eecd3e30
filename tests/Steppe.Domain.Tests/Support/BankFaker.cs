using Bogus;
using Steppe.Domain.Banks;

namespace Steppe.Domain.Tests.Support;

/// <summary>Valid banks of every question type, made by Bogus from a fixed seed, so a failure reproduces.</summary>
public sealed class BankFaker(int seed)
{
    private readonly Faker _f = new("en") { Random = new Randomizer(seed) };

    // Pictures come from their own generator, so that adding them left every other field of a seed's bank as it was.
    private readonly Randomizer _pictures = new(seed + 7919);

    public QuestionBank Bank(int questions)
    {
        var bank = BankWithoutPictures(questions);
        var pictured = bank.Questions.Select(WithPictures).ToList();
        return pictured.Any(QuestionImage.AnyIn) ? bank with { Format = QuestionBank.Format11, Questions = pictured } : bank;
    }

    private Question WithPictures(Question q)
    {
        if (!_pictures.Bool(0.25f))
        {
            return q;
        }
        q = q with { Image = Picture() };
        return q is MultipleChoiceQuestion mc && _pictures.Bool()
            ? mc with { ChoiceImages = mc.Choices.Select((_, i) => i == 0 || _pictures.Bool() ? Picture() : null).ToList() }
            : q;
    }

    private QuestionImage Picture() =>
        new($"media/{_pictures.AlphaNumeric(_pictures.Int(1, 12))}{_pictures.ArrayElement([".png", ".jpg", ".webp", ".gif", ".JPEG"])}",
            $"A picture of {_pictures.Words(_pictures.Int(1, 6))}");

    private QuestionBank BankWithoutPictures(int questions)
    {
        var themes = Enumerable.Range(0, _f.Random.Int(0, 4))
            .Select(i => new Theme($"theme-{i}", _f.Commerce.Department(), _f.Random.Bool() ? _f.Lorem.Words(3).ToList() : null))
            .ToList();
        return new QuestionBank
        {
            Schema = _f.Random.Bool() ? "./schema/question-bank.schema.json" : null,
            Id = Slug(_f.Lorem.Words(3)) + "-" + _f.Random.Int(1, 999),
            Title = _f.Lorem.Sentence(4).TrimEnd('.'),
            Language = _f.PickRandom(null, "en", "kk", "zh-Hans", "en-GB"),
            Description = _f.Random.Bool() ? _f.Lorem.Sentence() : null,
            Tags = _f.Random.Bool() ? _f.Lorem.Words(2).ToList() : null,
            Source = _f.Random.Bool()
                ? new BankSource(_f.Lorem.Sentence(3), "articles/" + _f.System.FileName("txt"), _f.Random.Hexadecimal(64, prefix: ""), null)
                : null,
            Themes = themes.Count > 0 || _f.Random.Bool() ? themes : null,
            Questions = Enumerable.Range(0, questions).Select(i => Question(i, themes)).ToList(),
        };
    }

    private Question Question(int index, List<Theme> themes)
    {
        var id = $"q{index}-{Slug(_f.Lorem.Words(2))}";
        Question q = (index % 6) switch
        {
            0 => MultipleChoice(id),
            1 => new TrueFalseQuestion
            {
                Id = id,
                Prompt = _f.Lorem.Sentence(),
                Answer = _f.Random.Bool(),
                Correction = null,
            },
            2 => new ClozeQuestion
            {
                Id = id,
                Prompt = $"{_f.Lorem.Sentence(3).TrimEnd('.')} {ClozeQuestion.Blank} {_f.Lorem.Word()}.",
                Answer = _f.Commerce.ProductName(),
                Accept = _f.Random.Bool() ? [_f.Lorem.Word() + " " + index] : null,
            },
            3 => new ShortAnswerQuestion
            {
                Id = id,
                Prompt = _f.Lorem.Sentence() + "?",
                Answer = _f.Address.City(),
                Accept = _f.Random.Bool() ? [_f.Address.Country()] : null,
            },
            4 => new NumericQuestion
            {
                Id = id,
                Prompt = "How many " + _f.Commerce.ProductMaterial() + "?",
                Answer = Math.Round(_f.Random.Decimal(-1000, 100000), _f.Random.Int(0, 3)),
                Unit = _f.PickRandom(null, "billion dollars", "%", "million tons"),
                Tolerance = _f.Random.Bool() ? Math.Round(_f.Random.Decimal(0, 5), 1) : null,
            },
            _ => new OrderingQuestion
            {
                Id = id,
                Prompt = "Put these in order.",
                Answer = Enumerable.Range(0, _f.Random.Int(2, 5)).Select(i => $"{_f.Hacker.Noun()} {i}").ToList(),
            },
        };
        if (q is TrueFalseQuestion { Answer: false } tf && _f.Random.Bool())
        {
            q = tf with { Correction = _f.Lorem.Sentence() };
        }
        return q with
        {
            Explanation = _f.Random.Bool() ? _f.Lorem.Sentence() : null,
            Source = _f.Random.Bool() ? new QuestionSource(_f.Lorem.Sentence(), _f.Random.Bool() ? _f.Random.Int(1, 40) : null) : null,
            Themes = themes.Count > 0 && _f.Random.Bool() ? [_f.PickRandom(themes).Id] : null,
            Tags = _f.Random.Bool(0.2f) ? [_f.Hacker.Adjective()] : null,
            Difficulty = _f.Random.Bool(0.3f) ? Math.Round(_f.Random.Decimal(0, 1), 2) : null,
            TimeLimitSeconds = _f.Random.Bool(0.2f) ? _f.Random.Int(5, 240) : null,
            Points = _f.Random.Bool(0.2f) ? _f.PickRandom(0, 1000, 2000) : null,
        };
    }

    private MultipleChoiceQuestion MultipleChoice(string id)
    {
        var choices = Enumerable.Range(0, _f.Random.Int(2, 6)).Select(i => $"{_f.Commerce.Color()} {i}").ToList();
        return new MultipleChoiceQuestion
        {
            Id = id,
            Prompt = _f.Lorem.Sentence() + "?",
            Choices = choices,
            Answer = _f.PickRandom(choices),
        };
    }

    private static string Slug(IEnumerable<string> words) =>
        string.Join("-", words.Select(w => new string(w.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray())).Where(w => w.Length > 0));
}
