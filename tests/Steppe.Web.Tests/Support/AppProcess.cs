using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Steppe.Web.Tests.Support;

/// <summary>The real Steppe.Web process, as `dotnet run` starts it, on a free loopback port. Ended (by its
/// own process id) when disposed.</summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Uri BaseAddress { get; private set; } = null!;
    public string Output { get { lock (_output) { return _output.ToString(); } } }

    private AppProcess(Process process) => _process = process;

    public static async Task<AppProcess> StartAsync(string workingDirectory, IDictionary<string, string>? environment = null, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(WebDll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        // Only what the test says: no settings inherited from the machine running the tests.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.Contains("__", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var app = new AppProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
        app._process.OutputDataReceived += (_, e) => app.Read(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Read(e.Data);
        app._process.Exited += (_, _) => app._listening.TrySetException(new InvalidOperationException("Steppe.Web exited:\n" + app.Output));
        app._process.Start();
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        app.BaseAddress = await app._listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return app;
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
        if (Listening().Match(line) is { Success: true } m)
        {
            _listening.TrySetResult(new Uri(m.Groups[1].Value));
        }
    }

    /// <summary>Ends the server as `kill -9` would (SIGKILL on Linux: no shutdown code runs).</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    /// <summary>The Steppe.Web.dll built beside this test project, in the same configuration.</summary>
    private static string WebDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<configuration>/net10.0/
            return Repo.File("src", "Steppe.Web", "bin", configuration, "net10.0", "Steppe.Web.dll");
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
