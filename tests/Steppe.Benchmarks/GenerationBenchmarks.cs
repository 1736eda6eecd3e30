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
        // A real 69 KB article (Wikipedia's "European Union law"; licence in Articles/README.md).
        _long = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Articles", "european-union-law.txt"));
    }

    [Benchmark]
    public int SampleArticle12KB() => BankGenerator.Generate(_sample).Bank!.Questions.Count;

    [Benchmark]
    public int Article70KB() => BankGenerator.Generate(_long).Bank!.Questions.Count;

    public int LongArticleLength => _long.Length;
}
