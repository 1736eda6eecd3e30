namespace Steppe.Domain.Generation.Entities;

/// <summary>The broad class of a named thing.</summary>
internal enum EntityCategory
{
    Unknown,
    Person,
    Place,
    Organisation,
    Event,
    Work,
    Thing,
}

/// <summary>What a named thing is, as finely as the text and the word lists tell: a category and the noun a
/// question asks with ("which country", "which university", "which war"). Wrong answers must share both.</summary>
internal sealed record EntityKind(EntityCategory Category, string Noun)
{
    public static readonly EntityKind Unknown = new(EntityCategory.Unknown, "name");

    public bool IsKnown => Category != EntityCategory.Unknown;

    /// <summary>"who" for people, otherwise "which country", "which university", ….</summary>
    public string Wh => Category == EntityCategory.Person ? "who" : "which " + Noun;

    public static EntityKind Person(string role = "person") => new(EntityCategory.Person, role);
    public static EntityKind Place(string noun) => new(EntityCategory.Place, noun);
    public static EntityKind Organisation(string noun) => new(EntityCategory.Organisation, noun);

    /// <summary>Whether another kind's things can stand as wrong answers for this one: the same category and,
    /// where both say, the same noun (a city for a city, not a country; any person for a person).</summary>
    public bool Matches(EntityKind other) =>
        Category == other.Category && Category != EntityCategory.Unknown && (Category == EntityCategory.Person || Noun == other.Noun);
}
