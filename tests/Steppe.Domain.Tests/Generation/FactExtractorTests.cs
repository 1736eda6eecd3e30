using Steppe.Domain.Generation;

namespace Steppe.Domain.Tests.Generation;

/// <summary>One row per kind of fact the generator must find, with what it keeps.</summary>
public class FactExtractorTests
{
    private static List<Fact> FactsOf(string sentence) => FactExtractor.Extract(new Article("Title\n\n" + sentence + "\n"));

    [Theory]
    // figure, scale, currency unit, and the noun it is about
    [InlineData("The total investment of China in the economy is 42.8 billion dollars.", FactKind.Amount, "42.8 billion dollars", "42.8", "billion dollars", "total investment")]
    // a currency sign before the figure; "a total of" says nothing about what it is
    [InlineData("Lending reached a total of more than $ 50 billion last year.", FactKind.Amount, "$ 50 billion", "50", "billion dollars", null)]
    [InlineData("In the first half the turnover increased by 45.6% over the year.", FactKind.Percent, "45.6%", "45.6", "%", "first half")]
    [InlineData("Through the gas pipeline delivery is 183 billion cubic meters in total.", FactKind.Count, "183 billion cubic meters", "183", "billion cubic meters", "gas pipeline delivery")]
    [InlineData("The volume of rail traffic reached 8.2 million tons that year.", FactKind.Count, "8.2 million tons", "8.2", "million tons", "volume of rail traffic")]
    // "of" between the scale and the counted noun
    [InlineData("This year 14 thousand of Kazakhstan students are studying abroad.", FactKind.Count, "14 thousand of Kazakhstan students", "14", "thousand Kazakhstan students", null)]
    [InlineData("Container traffic has increased more than 3 times since then.", FactKind.Multiplier, "3 times", "3", "times", null)]
    [InlineData("The parties have identified 51 projects of cooperation in all.", FactKind.Count, "51 projects", "51", "projects", null)]
    public void Figures_keep_their_unit_scale_and_subject(string sentence, FactKind kind, string text, string answer, string unit, string? about)
    {
        var fact = FactsOf(sentence).Should().ContainSingle(f => f.Kind == kind).Subject;

        (fact.Text, fact.Answer, fact.Unit, fact.About).Should().Be((text, answer, unit, about));
    }

    [Theory]
    [InlineData("In 2013 he put forward the initiative of a new road.", FactKind.Year, "2013")]
    // a year after "In" even when a verb follows
    [InlineData("In 2016 drove over 1200 freight trains through the country.", FactKind.Year, "2016")]
    // a year after a month, with no preposition before the subject
    [InlineData("In July 2015 Obama visited the country for two days.", FactKind.Year, "2015")]
    [InlineData("It is a member of the UN Security Council for 2017-2018 now.", FactKind.Period, "2017-2018")]
    [InlineData("This year marks the 25th anniversary of the relations between them.", FactKind.Ordinal, "25th")]
    [InlineData("This is my third visit to the country at the invitation of friends.", FactKind.Ordinal, "third")]
    // a thousands separator is never a year
    [InlineData("His partner sued him for a loan of 2,026 guilders in court.", FactKind.Count, "2,026")]
    public void Years_periods_and_ordinals_are_found(string sentence, FactKind kind, string answer)
    {
        FactsOf(sentence).Should().Contain(f => f.Kind == kind && f.Answer == answer);
    }

    [Theory]
    // a name after a title, a name after a role noun, a place of two words, an organisation, a name with a number
    [InlineData("The visit was at the invitation of President Nursultan Nazarbayev last June.", "Nursultan Nazarbayev")]
    [InlineData("The singer Dimash gained wide popularity in the country.", "Dimash")]
    [InlineData("A delivery of wheat went from the port to Southeast Asia by rail.", "Southeast Asia")]
    [InlineData("Kazakhstan is a non-permanent member of the UN Security Council now.", "UN Security Council")]
    [InlineData("He will take part in the opening ceremony of the EXPO-2017 in the capital.", "EXPO-2017")]
    public void Names_are_found_as_mentions(string sentence, string name)
    {
        var reading = new Steppe.Domain.Generation.Reading.ArticleReading(new Article("Title\n\n" + sentence + "\n"));

        reading.Sentences[0].Mentions.Select(m => m.Text).Should().Contain(name);
    }

    [Fact]
    public void List_members_are_found_with_what_the_list_names()
    {
        var items = FactsOf("Cooperation develops on new energy sources such as nuclear energy, wind energy and photovoltaics.")
            .Where(f => f.Kind == FactKind.ListItem).ToList();

        items.Select(f => f.Answer).Should().Equal("nuclear energy", "wind energy", "photovoltaics");
        items.Should().OnlyContain(f => f.ListOf == "energy sources");
    }

    [Theory]
    [InlineData("The Shanghai Cooperation Organisation (SCO) met in June.", "SCO", "Shanghai Cooperation Organisation")]
    // the initials of words in lower case too
    [InlineData("The engineers chose lunar orbit rendezvous (LOR) for the mission.", "LOR", "lunar orbit rendezvous")]
    public void An_acronym_is_linked_to_its_long_form(string text, string acronym, string longForm)
    {
        FactExtractor.LongForms(text).Should().Contain(acronym, longForm);
    }

    [Fact]
    public void A_word_that_opens_a_sentence_is_not_a_name_unless_tagged_one()
    {
        var reading = new Steppe.Domain.Generation.Reading.ArticleReading(new Article("Title\n\nSoon the delegation will come again to this land with friends.\n"));

        reading.Sentences[0].Mentions.Should().NotContain(m => m.Text == "Soon");
    }
}
