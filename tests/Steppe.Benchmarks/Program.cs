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
// `study-load USERS CARDS SAMPLES [FILE]` seeds learners into SQLite and times next-card and submit-review.
if (args is ["study-load", var users, var cards, var samples, .. var rest])
{
    return await StudyLoad.RunAsync(int.Parse(users, System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(cards, System.Globalization.CultureInfo.InvariantCulture), int.Parse(samples, System.Globalization.CultureInfo.InvariantCulture), rest is [var dbFile] ? dbFile : null);
}
// `study-http URL LEARNERS` loads a running server on this machine with LEARNERS studying at once.
if (args is ["study-http", var url, var learners])
{
    return await StudyHttpLoad.RunAsync(new Uri(url), int.Parse(learners, System.Globalization.CultureInfo.InvariantCulture));
}
// `attack URL PID [SECONDS]` runs the security probe's availability attacks on a running server on this machine
// and prints its memory and a learner's next-card latency meanwhile.
if (args is ["attack", var target, var pid, .. var more])
{
    return await AttackLoad.RunAsync(new Uri(target), int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture),
        more is [var seconds] ? int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture) : 90);
}
// `hostile-imports URL PID` sends a running server on this machine the hostile files of issue 14 and prints its memory.
if (args is ["hostile-imports", var importTarget, var importPid])
{
    return await HostileImports.RunAsync(new Uri(importTarget), int.Parse(importPid, System.Globalization.CultureInfo.InvariantCulture));
}
// `generate-cold STEPPE_DLL ARTICLE [RUNS]` times `steppe generate` as a new process each run, load included.
if (args is ["generate-cold", var steppeDll, var article, .. var times])
{
    return await GenerationColdRuns.RunAsync(steppeDll, article, times is [var n] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 7);
}
BenchmarkSwitcher.FromAssembly(typeof(LargeBank).Assembly).Run(args);
return 0;
