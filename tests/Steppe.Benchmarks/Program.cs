using BenchmarkDotNet.Running;
using Steppe.Benchmarks;

// `make-bank MEGABYTES FILE` writes a valid generated bank of about that size, for timing `steppe validate`;
// anything else goes to BenchmarkDotNet.
if (args is ["make-bank", var megabytes, var file])
{
    var bytes = LargeBank.Make(int.Parse(megabytes, System.Globalization.CultureInfo.InvariantCulture) * 1024 * 1024);
    File.WriteAllBytes(file, bytes);
    Console.WriteLine($"{file}: {bytes.Length:N0} bytes");
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(LargeBank).Assembly).Run(args);
return 0;
