namespace Steppe.Domain.Tests.Banks;

/// <summary>Small bank documents with a known layout, so tests can name the line and column of a problem.</summary>
public static class Samples
{
    /// <summary>A bank whose only question (plus a valid first one) sits on line 7, starting at column 5.</summary>
    public static string WithQuestion(string question) =>
        "{\n" +
        "  \"format\": 1.1,\n" +
        "  \"id\": \"bank\",\n" +
        "  \"title\": \"A bank\",\n" +
        "  \"themes\": [{ \"id\": \"energy\", \"title\": \"Energy\" }],\n" +
        "  \"questions\": [\n" +
        "    " + question + "\n" +
        "  ]\n" +
        "}\n";

    public const int QuestionLine = 7;
    public const int QuestionColumn = 5;

    public const string ValidMultipleChoice =
        """{ "id": "q", "type": "multiple-choice", "prompt": "Which?", "choices": ["a", "b", "c"], "answer": "b" }""";
    public const string ValidTrueFalse =
        """{ "id": "q", "type": "true-false", "prompt": "Oil is a liquid.", "answer": true }""";
    public const string ValidCloze =
        """{ "id": "q", "type": "cloze", "prompt": "The theme was ____.", "answer": "Future Energy" }""";
    public const string ValidShortAnswer =
        """{ "id": "q", "type": "short-answer", "prompt": "Who?", "answer": "Dimash" }""";
    public const string ValidNumeric =
        """{ "id": "q", "type": "numeric", "prompt": "How many?", "answer": 183 }""";
    public const string ValidOrdering =
        """{ "id": "q", "type": "ordering", "prompt": "Order them.", "answer": ["a", "b"] }""";
}
