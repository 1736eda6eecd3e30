using Steppe.Domain.Banks;
using Steppe.Domain.Interchange;

namespace Steppe.Domain.Tests.Interchange;

public class CsvRowsTests
{
    private static CsvRow Row(int line, params (string Column, string Value)[] fields) => new(line, fields.ToDictionary(f => f.Column, f => f.Value));

    [Fact]
    public void Rows_become_questions_of_their_type_or_the_type_their_answer_says_and_bad_rows_say_why()
    {
        var result = CsvRows.Read(
        [
            Row(2, ("id", "capital"), ("prompt", "Capital?"), ("answer", "Astana"), ("choices", "Almaty | Astana | Shymkent")),
            Row(3, ("prompt", "Astana is on the Ishim."), ("answer", "TRUE")),
            Row(4, ("prompt", "Length of the Irtysh?"), ("answer", "4248"), ("unit", "km"), ("tolerance", "10")),
            Row(5, ("prompt", "The capital is ____."), ("answer", "Astana"), ("accept", "Nur-Sultan")),
            Row(6, ("type", "ordering"), ("prompt", "North to south"), ("answer", "Astana | Almaty")),
            Row(7, ("prompt", "Founder?"), ("answer", "Nazarbayev"), ("explanation", "First president.")),
            Row(8, ("prompt", "Capital?"), ("answer", "Paris"), ("choices", "Almaty | Astana")),
            Row(9, ("prompt", "No answer")),
            Row(10, ("type", "essay"), ("prompt", "Write"), ("answer", "x")),
        ]);

        result.Found.Select(f => (f.Line, f.Question.Id, f.Question.Type, f.Question.AnswerText)).Should().Equal(
            (2, "capital", QuestionType.MultipleChoice, "Astana"), (3, "q2", QuestionType.TrueFalse, "True"), (4, "q3", QuestionType.Numeric, "4248 km"),
            (5, "q4", QuestionType.Cloze, "Astana"), (6, "q5", QuestionType.Ordering, "Astana → Almaty"), (7, "q6", QuestionType.ShortAnswer, "Nazarbayev"));
        result.NotConverted.Select(n => (n.Line, n.Reason)).Should().Equal(
            (8, "the answer 'Paris' is not one of the choices"), (9, "no answer"), (10, "unknown type 'essay'"));
    }
}
