namespace Steppe.Domain.Generation;

/// <summary>Word lists the generator reasons with: no model, no download. English only.</summary>
internal static class Lexicon
{
    public static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "into", "onto",
        "about", "over", "under", "between", "through", "during", "before", "after", "above", "below", "up", "down", "out", "off",
        "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does", "did", "will", "would",
        "shall", "should", "can", "could", "may", "might", "must", "this", "that", "these", "those", "it", "its", "it's", "they", "them",
        "their", "theirs", "he", "him", "his", "she", "her", "hers", "we", "us", "our", "ours", "you", "your", "yours", "i", "me", "my",
        "mine", "who", "whom", "whose", "which", "what", "when", "where", "why", "how", "all", "any", "both", "each", "few", "more",
        "most", "other", "some", "such", "no", "not", "only", "own", "same", "so", "than", "too", "very", "just", "also", "there",
        "here", "then", "once", "again", "further", "while", "if", "because", "until", "against", "among", "per", "via", "upon",
        "within", "without", "across", "along", "around", "toward", "towards", "since", "yet", "still", "even", "already", "one",
        "new", "many", "much", "well", "like", "said", "says", "according", "however", "thus", "therefore", "although", "though",
        "whether", "either", "neither", "every", "another", "including", "include", "includes", "included", "made", "make", "makes",
    };

    /// <summary>Words that start sentences but never a name ("It", "This", "However").</summary>
    public static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "it", "its", "this", "these", "those", "they", "them", "their", "he", "she", "his", "her", "him", "such", "that", "there",
    };

    public static readonly string[] ScaleWords = ["thousand", "million", "billion", "trillion"];

    public static readonly HashSet<string> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    };

    public static readonly Dictionary<string, int> OrdinalWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7,
        ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12,
    };

    /// <summary>Countries, regions and large cities: entities of kind Place, also distractors for places.</summary>
    public static readonly HashSet<string> Places = new(StringComparer.OrdinalIgnoreCase)
    {
        "Afghanistan", "Albania", "Algeria", "Argentina", "Armenia", "Australia", "Austria", "Azerbaijan", "Bangladesh", "Belarus",
        "Belgium", "Bolivia", "Brazil", "Bulgaria", "Cambodia", "Canada", "Chile", "China", "Colombia", "Croatia", "Cuba", "Czechia",
        "Denmark", "Egypt", "Estonia", "Ethiopia", "Finland", "France", "Georgia", "Germany", "Ghana", "Greece", "Hungary", "Iceland",
        "India", "Indonesia", "Iran", "Iraq", "Ireland", "Israel", "Italy", "Japan", "Jordan", "Kazakhstan", "Kenya", "Korea",
        "Kuwait", "Kyrgyzstan", "Laos", "Latvia", "Lebanon", "Libya", "Lithuania", "Malaysia", "Mexico", "Mongolia", "Morocco",
        "Nepal", "Netherlands", "Nigeria", "Norway", "Oman", "Pakistan", "Peru", "Philippines", "Poland", "Portugal", "Qatar",
        "Romania", "Russia", "Saudi Arabia", "Serbia", "Singapore", "Slovakia", "Slovenia", "Spain", "Sweden", "Switzerland", "Syria",
        "Tajikistan", "Thailand", "Tunisia", "Turkey", "Turkmenistan", "Ukraine", "United Kingdom", "United States", "Uruguay",
        "Uzbekistan", "Venezuela", "Vietnam", "Yemen", "Zambia", "Zimbabwe",
        "Asia", "Europe", "Africa", "America", "North America", "South America", "Latin America", "Central Asia", "Southeast Asia",
        "East Asia", "South Asia", "Middle East", "Western Europe", "Eastern Europe", "Western China", "Siberia", "Scandinavia",
        "Caspian Sea", "Black Sea", "Pacific", "Atlantic", "Arctic", "Antarctica", "Mediterranean",
        "Astana", "Almaty", "Beijing", "Shanghai", "Moscow", "London", "Paris", "Berlin", "Rome", "Madrid", "Tokyo", "Seoul", "Delhi",
        "New Delhi", "Washington", "New York", "Cairo", "Istanbul", "Tashkent", "Bishkek", "Dushanbe", "Ashgabat", "Baku", "Tbilisi",
        "Yerevan", "Kyiv", "Minsk", "Warsaw", "Vienna", "Prague", "Budapest", "Geneva", "Brussels", "Amsterdam", "Stockholm", "Oslo",
        "Helsinki", "Copenhagen", "Athens", "Lisbon", "Dublin", "Ottawa", "Sydney", "Canberra", "Bangkok", "Hanoi", "Jakarta",
        "Manila", "Singapore", "Hong Kong", "Mumbai", "Karachi", "Tehran", "Baghdad", "Riyadh", "Dubai", "Nairobi", "Lagos",
        "Johannesburg", "Rio de Janeiro", "Buenos Aires", "Mexico City", "Los Angeles", "Chicago", "San Francisco", "Houston",
        "Boston", "Philadelphia", "Florence", "Venice", "Mainz", "Strasbourg", "Cologne", "Leipzig", "Frankfurt", "Munich",
        "Alexandria", "Constantinople", "Florida", "Texas", "California",
    };

    /// <summary>Nationalities: entities of kind Nationality.</summary>
    public static readonly HashSet<string> Nationalities = new(StringComparer.OrdinalIgnoreCase)
    {
        "American", "British", "Chinese", "Kazakh", "Kazakhstani", "Russian", "Japanese", "Korean", "Indian", "German", "French",
        "Italian", "Spanish", "Turkish", "Uzbek", "Kyrgyz", "Tajik", "Mongolian", "European", "Asian", "African", "Arab", "Persian",
        "Greek", "Roman", "Dutch", "Swedish", "Polish", "Canadian", "Australian", "Mexican", "Brazilian", "Egyptian", "Ukrainian",
    };

    /// <summary>Organisations that a distractor may name when the article has too few of its own.</summary>
    public static readonly string[] KnownOrganisations =
    [
        "UN", "NATO", "WTO", "EU", "ASEAN", "OPEC", "SCO", "BRICS", "IMF", "World Bank", "WHO", "UNESCO", "OECD", "G20", "CIS",
        "CICA", "EAEU", "OSCE", "African Union", "OAS", "APEC", "UN Security Council", "Arab League", "Council of Europe",
    ];

    public static readonly string[] OrganisationCues =
    [
        "Organization", "Organisation", "Council", "Bank", "Union", "Agency", "Ministry", "University", "Institute", "Committee",
        "Party", "Fund", "Company", "Corporation", "Association", "Commission", "Academy", "Society", "Department", "Court",
        "Parliament", "Assembly", "Group", "Inc", "Ltd", "Laboratory", "Observatory", "Museum", "Foundation", "Office",
    ];

    public static readonly string[] ProgrammeCues =
    [
        "Strategy", "Program", "Programme", "Initiative", "Plan", "Policy", "Project", "Act", "Doctrine", "Charter", "Treaty",
        "Agreement", "Accord", "Declaration", "Convention", "Mission",
    ];

    public static readonly string[] EventCues =
    [
        "Summit", "Forum", "Exhibition", "Expo", "EXPO", "Games", "Olympics", "War", "Revolution", "Conference", "Festival",
        "Congress", "Crisis", "Battle", "Uprising", "Landing", "Fair",
    ];

    public static readonly string[] PersonTitles =
    [
        "President", "Prime", "Minister", "Mr", "Mrs", "Ms", "Dr", "Professor", "Prof", "King", "Queen", "Emperor", "Empress",
        "General", "Chairman", "Chancellor", "Secretary", "Senator", "Governor", "Pope", "Saint", "Sir", "Lord", "Lady", "Prince",
        "Princess", "Director", "CEO", "Chief", "Captain", "Admiral",
    ];

    /// <summary>Themes a paragraph can be about, with the word stems that signal them. A theme appears in a
    /// bank only when the article is about it; articles on other subjects get themes from their key phrases.</summary>
    public static readonly (string Id, string Title, string[] Stems)[] Themes =
    [
        ("trade", "Trade", ["trade", "turnover", "export", "imports", "imported", "goods", "market", "commerce", "tariff", "customs", "table of"]),
        ("investment-finance", "Investment and finance", ["invest", "lending", "loan", "financ", "currenc", "capital", "bank", "fund", "credit", "settlement"]),
        ("energy", "Energy", ["energy", "oil", "gas", "pipeline", "nuclear", "wind", "solar", "photovoltaic", "electric", "fuel", "coal", "power plant", "fusion"]),
        ("transport", "Transport and logistics", ["transport", "rail", "train", "flight", "airline", "railway", "logistic", "transit", "corridor", "port", "shipping", "freight", "container", "bridge"]),
        ("culture", "Culture and people", ["cultur", "artist", "arts", "music", "film", "cinema", "drama", "singer", "literar", "museum", "heritage", "touris", "trips", "humanitarian", "families", "peoples"]),
        ("education", "Education and science", ["educat", "student", "universit", "school", "academ", "scholar", "confucius", "teacher", "classes", "science"]),
        ("security", "Security", ["security", "terror", "crime", "drug", "trafficking", "military", "defen", "army", "cyber", "evil forces", "safety", "stability"]),
        ("diplomacy", "Diplomacy and politics", ["diplomat", "relations", "visit", "president", "partnership", "sovereign", "mutual trust", "independence", "political", "neighbo", "friendship"]),
        ("multilateral", "International organisations", ["sco", "un ", "cica", "multilateral", "member states", "charter", "chairman", "organization", "summit"]),
        ("technology", "Technology and innovation", ["technolog", "digital", "innovat", "data", "comput", "internet", "aerospace", "e-commerce", "smart", "high-tech", "software"]),
        ("environment", "Environment", ["environment", "ecolog", "green", "climate", "carbon", "pollut", "sustainab", "emission"]),
        ("agriculture", "Agriculture and food", ["agricult", "wheat", "farm", "food", "flour", "meat", "honey", "crop", "grain", "harvest"]),
        ("industry", "Industry", ["industr", "production", "manufactur", "factories", "factory", "capacity"]),
        ("development", "Development and reform", ["development", "moderniz", "reform", "prosperity", "dream", "revival", "growth", "economic policy", "strategy"]),
        ("business", "Business results", ["revenue", "profit", "sales", "quarter", "customer", "margin", "earnings", "shares", "dividend", "operating"]),
        ("health", "Health", ["health", "disease", "hospital", "medic", "vaccin", "patient", "clinic"]),
        ("space", "Space and astronomy", ["planet", "orbit", "star", "galax", "spacecraft", "astronaut", "moon", "solar system", "telescope", "rocket"]),
        ("life-science", "Living things", ["cell", "species", "plant", "animal", "protein", "dna", "gene", "organism", "enzyme", "biolog", "molecul"]),
        ("history", "History", ["century", "empire", "king", "dynasty", "war", "revolution", "medieval", "ancient", "reign", "monk"]),
    ];

    /// <summary>Areas that a "which area" question may offer as wrong answers when the article never touches them.</summary>
    public static IEnumerable<(string Id, string Title)> ThemeTitles => Themes.Select(t => (t.Id, t.Title));
}
