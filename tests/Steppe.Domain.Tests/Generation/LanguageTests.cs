using Steppe.Domain.Generation;
using Steppe.Domain.Generation.Entities;
using Steppe.Domain.Generation.Language;
using Steppe.Domain.Generation.Reading;

namespace Steppe.Domain.Tests.Generation;

/// <summary>The reading the generator rests on: base forms, tags, clauses, names and what they are.</summary>
public class LanguageTests
{
    [Theory]
    // regular past forms, with and without a final e
    [InlineData("sued", "sue")]
    [InlineData("founded", "found")]
    [InlineData("created", "create")]
    // a doubled final consonant and -ied
    [InlineData("stopped", "stop")]
    [InlineData("carried", "carry")]
    // irregular forms from WordNet's exception list
    [InlineData("began", "begin")]
    [InlineData("took", "take")]
    [InlineData("won", "win")]
    [InlineData("employs", "employ")]
    public void A_verb_form_has_its_base_form_for_did_questions(string form, string lemma)
    {
        Morphology.VerbLemma(form).Should().Be(lemma);
    }

    [Theory]
    // "the record" is a noun, a name followed by a past form is subject and verb
    [InlineData("Tesla moved to Budapest.", "moved", "VBD")]
    [InlineData("The record was broken.", "record", "NN")]
    // a participle after "was", a base form after "to"
    [InlineData("The university was founded in 1636.", "founded", "VBN")]
    [InlineData("They wanted to record the event.", "record", "VB")]
    // little words keep their tag ("on", "of" are listed with rare tags too)
    [InlineData("Some were printed on paper and some on vellum.", "on", "IN")]
    // a mostly-noun word before a past verb stays a noun ("the oil embargo caused")
    [InlineData("The oil embargo caused prices to rise.", "embargo", "NN")]
    // a regular past form the lexicon lists as a participle only is a past tense after its subject
    [InlineData("Sweden rationed gasoline and heating oil.", "rationed", "VBD")]
    // after a possessive name comes what it owns, not a verb
    [InlineData("Wiesner relented, fearing Kennedy's support for Webb.", "support", "NN")]
    public void Words_are_tagged_by_the_lexicon_and_the_word_before(string sentence, string word, string tag)
    {
        Tagger.Apply(Tokenizer.Tokens(sentence)).First(t => t.Text == word).Pos.ToString().Should().Be(tag);
    }

    [Theory]
    // lead, subject (without its aside), verbs and rest
    [InlineData("In 1455 his partner Johann Fust sued him for the return of a loan.", "In 1455", "his partner Johann Fust", "sued", "him for the return of a loan")]
    [InlineData("Tesla, who was born in Smiljan, moved to Graz in 1875.", "", "Tesla", "moved", "to Graz in 1875")]
    [InlineData("However, the university was founded in 1636.", "However,", "the university", "was founded", "in 1636")]
    // a trailing clause is cut from the rest a question uses
    [InlineData("Saudi Arabia increased production, which pushed prices down.", "", "Saudi Arabia", "increased", "production")]
    // an initial's or a title's full stop is inside the name
    [InlineData("In July 1960, NASA Deputy Administrator Hugh L. Dryden announced the Apollo program.", "In July 1960,", "NASA Deputy Administrator Hugh L. Dryden", "announced", "the Apollo program")]
    // a subject with "to", a list of nouns, a quantifier with "of"
    [InlineData("The first direct elections to the Legislative Council took place in 1957.", "", "The first direct elections to the Legislative Council", "took", "place in 1957")]
    [InlineData("The design, development and construction of the center was conducted by Kurt Debus.", "", "The design, development and construction of the center", "was conducted", "by Kurt Debus")]
    [InlineData("Many of these invasions repeated the earlier slaughters.", "", "Many of these invasions", "repeated", "the earlier slaughters")]
    // a participle phrase after a comma is no second verb
    [InlineData("Kenyan lawmakers approved a deal in 2008, aimed at salvaging the country.", "", "Kenyan lawmakers", "approved", "a deal in 2008")]
    // "as the first …" is the role that makes the fact, not a second clause
    [InlineData("Richard Nixon visited China in 1972, as the first American president to visit the country.", "", "Richard Nixon", "visited", "China in 1972, as the first American president to visit the country")]
    [InlineData("Prices rose in 1974, as supplies fell.", "", "Prices", "rose", "in 1974")]
    // a lead that counts time from the sentence before, then gives the year
    [InlineData("Three years later, in 1888, John Boyd Dunlop developed a pneumatic tyre.", "Three years later, in 1888,", "John Boyd Dunlop", "developed", "a pneumatic tyre")]
    // a decade is one word: "the 1890s", not "the 1890" and "s"
    [InlineData("By the 1890s a bicycle boom had spread across Europe.", "By the 1890s", "a bicycle boom", "had spread", "across Europe")]
    // a hyphenated adjective needs its noun: no cut after "commutator-less"
    [InlineData("Westinghouse bought a similar commutator-less, rotating induction motor presented in a paper in 1888 by Galileo Ferraris, but decided to wait.", "", "Westinghouse", "bought", "a similar commutator-less, rotating induction motor presented in a paper in 1888 by Galileo Ferraris, but decided to wait")]
    public void A_sentence_is_read_as_lead_subject_verbs_and_rest(string sentence, string lead, string subject, string verbs, string rest)
    {
        var clause = ClauseReader.Read(Tagger.Apply(Tokenizer.Tokens(sentence)))!;

        (clause.Lead is { } l ? clause.Text(l) : "", clause.Text(clause.Subject), clause.Text(clause.Verbs), clause.Text(clause.Rest))
            .Should().Be((lead, subject, verbs, rest));
    }

    [Theory]
    // a list of verbs, and a misread reduced relative, give no clause
    [InlineData("In 1215 Genghis besieged, captured, and sacked the capital.")]
    [InlineData("The Report published in 2007 featured a graph of temperatures.")]
    // a noun read as a plural verb after a singular noun
    [InlineData("On 1 February 2007, the eve of the publication of IPCC's major report on climate, a study was published.")]
    public void A_sentence_the_rules_cannot_read_safely_has_no_clause(string sentence)
    {
        ClauseReader.Read(Tagger.Apply(Tokenizer.Tokens(sentence))).Should().BeNull();
    }

    [Theory]
    // the country list, a capital, a word in the name, a title, WordNet
    [InlineData("Kenya", "Place", "country")]
    [InlineData("Nairobi", "Place", "city")]
    [InlineData("University of Warsaw", "Organisation", "university")]
    [InlineData("Indian Ocean", "Place", "ocean")]
    [InlineData("Europe", "Place", "continent")]
    [InlineData("Nikola Tesla", "Person", "electrical engineer")]
    // an adjective of a place is a nationality, not a name a question asks for
    [InlineData("Kenyan", "Thing", "nationality")]
    // compass word and a continent
    [InlineData("Central Asia", "Place", "region")]
    public void A_name_gets_its_fine_kind(string name, string category, string noun)
    {
        var kind = EntityTyper.Kind(name, null).Kind;

        (kind.Category.ToString(), kind.Noun).Should().Be((category, noun));
    }

    [Fact]
    public void A_surname_an_acronym_and_another_name_of_a_country_join_the_thing_they_name()
    {
        var reading = new ArticleReading(new Article("Title\n\nNikola Tesla worked for the National Aeronautics and Space Administration (NASA) in the United States. "
            + "Later Tesla left NASA. The US paid him well. Persia is also called Iran.\n"));

        reading.Entities.Find("Tesla").Should().BeSameAs(reading.Entities.Find("Nikola Tesla"));
        reading.Entities.Find("NASA").Should().BeSameAs(reading.Entities.Find("National Aeronautics and Space Administration"));
        reading.Entities.Find("US").Should().BeSameAs(reading.Entities.Find("United States"));
        reading.Entities.Find("Persia").Should().BeSameAs(reading.Entities.Find("Iran"));
    }

    [Theory]
    [InlineData("NASA launched Apollo 11 in 1969.", "NASA|Apollo 11")]
    [InlineData("Airbus delivered 30 aircraft to Kenya Airways.", "Airbus|Kenya Airways")]
    [InlineData("The Court applied Article 34 in Dassonville.", "Court|Dassonville")]
    public void A_short_number_after_a_name_is_part_of_it_unless_it_counts_or_numbers_a_text(string sentence, string names)
    {
        MentionFinder.Find(0, Tagger.Apply(Tokenizer.Tokens(sentence))).Select(m => m.Text).Should().Equal(names.Split('|'));
    }

    [Fact]
    public void A_second_name_the_article_gives_joins_the_first_but_a_name_for_part_of_a_phrase_does_not()
    {
        var reading = new ArticleReading(new Article("Title\n\nGenghis Khan served Toghrul, who was better known by the Chinese title Wang Khan, in 1190. "
            + "Wang Khan later turned on him. Toghrul died in 1203. The Saudis followed an interpretation of Islam, known as Wahhabism, after 1744.\n"));

        reading.Entities.Find("Wang Khan").Should().BeSameAs(reading.Entities.Find("Toghrul"));
        reading.Entities.Find("Wahhabism").Should().NotBeSameAs(reading.Entities.Find("Islam"));
    }

    [Fact]
    public void A_place_is_what_the_article_keeps_calling_it_and_the_state_is_then_its_name()
    {
        // WordNet's Victoria is a city (in Canada, in the Seychelles); this article's is an Australian state.
        var article = "Victoria\n\nVictoria is in the south-east of Australia. The state has 5.9 million people. The state grew after 1851. "
            + "Melbourne is the capital of the state. The state sends 12 senators to Canberra in 2016.\n";
        var reading = new ArticleReading(new Article(article));

        reading.Topic!.Kind.Noun.Should().Be("state");
        BankGenerator.Generate(article, new GenerationOptions { All = true }).Bank!.Questions.Should().Contain(q => q.Prompt.Contains("Victoria", StringComparison.Ordinal) && !q.Prompt.Contains("the state", StringComparison.Ordinal));
    }

    [Fact]
    public void A_surname_two_people_share_is_the_one_named_first_and_never_a_place_named_after_them()
    {
        var reading = new ArticleReading(new Article("Title\n\nJohn F. Kennedy was elected in 1960. Robert F. Kennedy was his brother. "
            + "The Kennedy Space Center was named later. Kennedy sent a memo in 1961.\n"));

        reading.Entities.Find("Kennedy").Should().BeSameAs(reading.Entities.Find("John F. Kennedy"));
    }

    [Fact]
    public void The_first_word_of_a_titled_organisation_is_the_organisation_not_the_person_it_is_named_after()
    {
        var reading = new ArticleReading(new Article("Stanford University\n\nStanford University was founded in 1885 by Leland Stanford in California. "
            + "Stanford University opened in 1891. Stanford won the national championship in 2003. Leland Stanford died in 1893.\n"));

        reading.Entities.Find("Stanford").Should().BeSameAs(reading.Entities.Find("Stanford University"));
    }

    [Fact]
    public void A_surname_the_dictionary_knows_for_someone_else_is_just_a_person()
    {
        // WordNet's Webb is the writer Beatrice Webb; this article's Webb is an administrator named in full once.
        var reading = new ArticleReading(new Article("Title\n\nThe agency hired NASA Administrator James E. Webb in 1961. Webb reorganised the office in 1963.\n"));

        reading.Entities.Find("Webb")!.Kind.Noun.Should().NotBe("writer");
    }

    [Theory]
    // he/she: the person of the sentence before, its subject first
    [InlineData("Thomas Edison met George Westinghouse in 1888. He wanted a patent.", "He", "Thomas Edison")]
    [InlineData("Johannes Gutenberg trained as a goldsmith. He moved to Strasbourg in 1440.", "He", "Johannes Gutenberg")]
    // it: the thing the sentence before is about
    [InlineData("The University of Warsaw opened in 1816. It grew quickly after 1900.", "It", "University of Warsaw")]
    // the one person of the sentence's own lead; the same pronoun as the subject before means what that one means
    [InlineData("Before Genghis Khan died, he named Ögedei Khan as his successor.", "he", "Genghis Khan")]
    [InlineData("Before Genghis Khan died, he named Ögedei Khan as his successor. He died in 1227.", "He", "Genghis Khan")]
    public void A_pronoun_at_the_start_names_what_the_sentence_before_is_about(string text, string pronoun, string entity)
    {
        var reading = new ArticleReading(new Article("Title\n\n" + text + "\n"));

        Coreference.Resolve(reading, reading.Sentences[^1], pronoun)!.Value.Entity.Name.Should().Be(entity);
    }

    [Theory]
    // two people could be meant (neither is the subject before); "it" in "it is expected that" means nothing
    [InlineData("The prize went to Thomas Edison and George Westinghouse in 1888. He wanted a patent.", "He")]
    [InlineData("The summit opened in Astana. It is expected that the leaders will sign a treaty.", "It")]
    public void A_pronoun_that_could_mean_two_things_or_nothing_stays_unresolved(string text, string pronoun)
    {
        var reading = new ArticleReading(new Article("Title\n\n" + text + "\n"));

        Coreference.Resolve(reading, reading.Sentences[^1], pronoun).Should().BeNull();
    }
}
