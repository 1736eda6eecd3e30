using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Steppe.Domain.Banks;
using Steppe.Domain.Tests.Support;

namespace Steppe.Benchmarks;

/// <summary>Target: validating a 5 MB bank takes under 1 s.</summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class BankValidationBenchmarks
{
    private byte[] _bank = [];

    [Params(5)]
    public int Megabytes { get; set; }

    [GlobalSetup]
    public void Setup() => _bank = LargeBank.Make(Megabytes * 1024 * 1024);

    [Benchmark]
    public bool ReadAndValidate() => BankReader.Read(_bank).IsValid;

    [Benchmark]
    public int ReadValidateAndWrite() => BankWriter.ToUtf8(BankReader.Read(_bank).Bank!).Length;
}

/// <summary>Medians and 95th percentiles next to BenchmarkDotNet's means.</summary>
public sealed class PercentileConfig : ManualConfig
{
    public PercentileConfig() => AddColumn(StatisticColumn.Median, StatisticColumn.P95);
}

public static class LargeBank
{
    /// <summary>A valid bank of at least <paramref name="bytes"/> bytes, the same for the same size.</summary>
    public static byte[] Make(int bytes)
    {
        var questions = 1000;
        while (true)
        {
            var json = BankWriter.ToUtf8(new BankFaker(seed: 42).Bank(questions));
            if (json.Length >= bytes)
            {
                return json;
            }
            questions = (int)(questions * (bytes * 1.05 / json.Length)) + 1;
        }
    }
}
