using Steppe.Domain.Generation;

namespace Steppe.Domain.Tests.Generation;

public class ReadingTests
{
    [Theory]
    // decimals and figures do not end a sentence
    [InlineData("Investment reached 42.8 billion dollars. Trade grew.", "Investment reached 42.8 billion dollars.|Trade grew.")]
    // abbreviations and dotted acronyms
    [InlineData("Dr. Smith went to the U.S. embassy. He met Mr. Li at 3 p.m. today.", "Dr. Smith went to the U.S. embassy.|He met Mr. Li at 3 p.m. today.")]
    // initials
    [InlineData("The book by J. R. Tolkien sold well. It was long.", "The book by J. R. Tolkien sold well.|It was long.")]
    // a full stop inside closing quotes ends the sentence; the next starts with a capital
    [InlineData("He said “We will win.” Then he left!", "He said “We will win.”|Then he left!")]
    // a full stop followed by a lower-case word is not an end
    [InlineData("It cost approx. five dollars in the shop.", "It cost approx. five dollars in the shop.")]
    [InlineData("Is it true? Yes, it is.", "Is it true?|Yes, it is.")]
    // an initial before a word that opens sentences ends the sentence ("… marked N.T. In 1957, …")
    [InlineData("It was shipped in 80 trunks marked N.T. In 1957, his ashes followed.", "It was shipped in 80 trunks marked N.T.|In 1957, his ashes followed.")]
    public void Sentences_are_split_where_a_reader_would(string paragraph, string expected)
    {
        SentenceSplitter.Split(paragraph).Select(x => paragraph.Substring(x.Start, x.Length)).Should().Equal(expected.Split('|'));
    }

    [Fact]
    public void Paragraphs_are_non_empty_lines_and_a_short_first_line_is_the_title()
    {
        var article = new Article("A title\n\nFirst paragraph. Second sentence.\r\n\r\nSecond paragraph.\n");

        article.Title.Should().Be("A title");
        article.Paragraphs.Should().Equal("A title", "First paragraph. Second sentence.", "Second paragraph.");
        article.Sentences.Select(s => (s.Paragraph, s.Text)).Should().Equal((2, "First paragraph."), (2, "Second sentence."), (3, "Second paragraph."));
    }

    [Fact]
    public void A_sentence_opening_with_a_pronoun_stays_a_sentence_of_its_own()
    {
        // Questions name what the pronoun stands for (see WordingTests); the source stays the sentence.
        var article = new Article("Title\n\nThe exhibition opened in Astana. Its main theme was “Future Energy”.\n");

        article.Sentences.Select(s => s.Text).Should().Equal("The exhibition opened in Astana.", "Its main theme was “Future Energy”.");
    }
}
