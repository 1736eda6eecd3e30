using Steppe.Domain.Banks;
using Steppe.Domain.Interchange;

namespace Steppe.Domain.Tests.Interchange;

public class GiftTests
{
    private const string Sample = """
        // Capitals, from a Moodle course
        $CATEGORY: Geography

        ::capital::What is the capital of Kazakhstan? {=Astana ~Almaty#No, the old one. ~Shymkent ####Since 1997.}

        Astana is on the Ishim river. {T}

        The Caspian is a lake.{FALSE#No.#Right: it is called a sea but is a lake.}

        Who founded Astana? {=Nazarbayev =Nursultan Nazarbayev}

        The capital moved to {=Astana =Akmola} in 1997.

        How long is the Irtysh, in km? {#4248:10}

        Between which years was Almaty the capital? {#1929..1997}

        Match the cities. {=Astana -> north =Almaty -> south}

        Write about the steppe. {}

        Which are rivers? {~%50%Ishim ~%50%Irtysh ~%-100%Altai}

        A plain line of text with no answer.

        Price in \{dollars\}\: \= 5? {T}
        """;

    [Fact]
    public void Each_kind_of_gift_item_becomes_the_question_it_asks_or_says_why_not()
    {
        var result = Gift.Read(Sample);

        result.Found.Select(f => (f.Line, f.Question.Type)).Should().Equal(
            (4, QuestionType.MultipleChoice), (6, QuestionType.TrueFalse), (8, QuestionType.TrueFalse), (10, QuestionType.ShortAnswer),
            (12, QuestionType.Cloze), (14, QuestionType.Numeric), (16, QuestionType.Numeric), (26, QuestionType.TrueFalse));
        var mc = result.Found[0].Question.Should().BeOfType<MultipleChoiceQuestion>().Subject;
        (mc.Id, mc.Prompt, mc.Answer, mc.Explanation).Should().Be(("capital", "What is the capital of Kazakhstan?", "Astana", "Since 1997."));
        mc.Choices.Should().Equal("Astana", "Almaty", "Shymkent");
        var caspian = result.Found[2].Question.Should().BeOfType<TrueFalseQuestion>().Subject;
        (caspian.Answer, caspian.Explanation).Should().Be((false, "Right: it is called a sea but is a lake."));
        var sa = result.Found[3].Question.Should().BeOfType<ShortAnswerQuestion>().Subject;
        (sa.Answer, sa.Accept).Should().BeEquivalentTo(("Nazarbayev", new[] { "Nursultan Nazarbayev" }));
        result.Found[4].Question.Should().BeOfType<ClozeQuestion>().Which.Prompt.Should().Be("The capital moved to ____ in 1997.");
        var length = result.Found[5].Question.Should().BeOfType<NumericQuestion>().Subject;
        (length.Answer, length.Tolerance).Should().Be((4248m, 10m));
        var range = result.Found[6].Question.Should().BeOfType<NumericQuestion>().Subject;
        (range.Answer, range.Tolerance).Should().Be((1963m, 34m));
        result.Found[7].Question.Prompt.Should().Be("Price in {dollars}: = 5?");
        result.Found.Select(f => f.Question.Id).Should().OnlyHaveUniqueItems();

        result.NotConverted.Select(n => (n.Line, n.Reason.Split(':')[0])).Should().Equal(
            (18, "a matching question"), (20, "an essay question (empty answer block)"), (22, "answers with percentage weights"),
            (24, "no answer block in braces"));
    }

    public static TheoryData<string, Question> RoundTrips => new()
    {
        { "multiple choice with an explanation", new MultipleChoiceQuestion { Id = "q1", Prompt = "Capital = ?", Choices = ["Astana", "Almaty {old}"], Answer = "Astana", Explanation = "Since #1997." } },
        { "true/false", new TrueFalseQuestion { Id = "q1", Prompt = "Astana is north of Almaty.", Answer = true } },
        { "cloze with accepted spellings", new ClozeQuestion { Id = "q1", Prompt = "The river is the ____ here.", Answer = "Ishim", Accept = ["Esil"] } },
        { "short answer", new ShortAnswerQuestion { Id = "q1", Prompt = "Who: the founder?", Answer = "Nazarbayev" } },
        { "numeric with tolerance", new NumericQuestion { Id = "q1", Prompt = "How many?", Answer = 42.5m, Tolerance = 0.5m } },
    };

    [Theory, MemberData(nameof(RoundTrips))]
    public void What_steppe_writes_reads_back_as_the_same_question(string kind, Question question)
    {
        var bank = new QuestionBank { Id = "b", Title = "B", Questions = [question] };

        var back = Gift.Read(Gift.Write(bank));

        back.NotConverted.Should().BeEmpty(kind);
        back.Found.Single().Question.Should().Be(question, kind);
    }

    [Fact]
    public void An_ordering_question_is_left_out_of_gift_with_a_note()
    {
        var bank = new QuestionBank { Id = "b", Title = "B", Questions = [new OrderingQuestion { Id = "order", Prompt = "Order them.", Answer = ["a", "b"] }] };

        var gift = Gift.Write(bank);

        gift.Should().Contain("// order: an ordering question, which GIFT cannot hold, is left out");
        Gift.Read(gift).Found.Should().BeEmpty();
    }
}
