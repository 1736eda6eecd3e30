using BenchmarkDotNet.Attributes;
using Steppe.Domain.Generation;

namespace Steppe.Benchmarks;

/// <summary>Targets: the 12 KB sample article in under 100 ms, a 70 KB article in under 1 s, after warm-up.</summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class GenerationBenchmarks
{
    private string _sample = "";
    private string _long = "";

    [GlobalSetup]
    public void Setup()
    {
        _sample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "sino-kazakh-relations.txt"));
        var articles = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Articles"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).Prepend(_sample).ToList();
        // About 70 KB: the four articles, three times over, each copy with its figures changed so nothing is a duplicate.
        _long = string.Join("\n\n", Enumerable.Range(0, 4).SelectMany(copy => articles.Select(a => System.Text.RegularExpressions.Regex.Replace(a, @"\b(\d+)\b", m => (int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture) + copy).ToString(System.Globalization.CultureInfo.InvariantCulture)))));
    }

    [Benchmark]
    public int SampleArticle12KB() => BankGenerator.Generate(_sample).Bank!.Questions.Count;

    [Benchmark]
    public int Article70KB() => BankGenerator.Generate(_long).Bank!.Questions.Count;

    public int LongArticleLength => _long.Length;
}
