using System.Globalization;

namespace Steppe.Cli.Load;

/// <summary>Finds the Steppe server on this machine (Linux /proc) and samples its resident memory.</summary>
internal static class ServerProcess
{
    /// <summary>The given pid, or the one process whose command line runs Steppe.Web (not `dotnet run`/`build`).</summary>
    public static int? Find(int? given)
    {
        if (given is not null || !Directory.Exists("/proc"))
        {
            return given;
        }
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            try
            {
                var args = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
                if (args.Length > 0 && (args[0].EndsWith("/Steppe.Web", StringComparison.Ordinal)
                                        || args.Any(a => a.EndsWith("Steppe.Web.dll", StringComparison.Ordinal)) && !args.Contains("run") && !args.Contains("build") && !args.Contains("test")))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return found.Count == 1 ? found[0] : null;
    }

    /// <summary>A /proc/PID/status field in MB (VmRSS, VmHWM), or null.</summary>
    public static double? Megabytes(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }
}

/// <summary>Samples a process's resident memory every 250 ms and keeps the peak.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly int? _pid;
    private readonly Timer? _timer;
    private double _peak;

    public MemorySampler(int? pid)
    {
        _pid = pid;
        if (pid is not null)
        {
            _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));
        }
    }

    private void Sample()
    {
        if (_pid is { } pid && ServerProcess.Megabytes(pid, "VmRSS") is { } rss)
        {
            lock (this)
            {
                _peak = Math.Max(_peak, rss);
            }
        }
    }

    public double? PeakMb => _pid is null || _peak == 0 ? null : _peak;

    public double? HighWaterMb => _pid is { } pid ? ServerProcess.Megabytes(pid, "VmHWM") : null;

    public void Stop()
    {
        _timer?.Change(Timeout.Infinite, Timeout.Infinite);
        Sample();
    }

    public void Dispose() => _timer?.Dispose();
}
