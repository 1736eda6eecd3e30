using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Steppe.Domain.Generation;

namespace Steppe.Web.Generation;

/// <summary>Generation runs on dedicated threads (<see cref="GenerationLimits.Workers"/>) of the lowest scheduling
/// priority, never on the thread pool that answers requests: however many articles arrive, study and live games
/// come first, and the generator takes what CPU they leave. A bounded queue
/// in front; an article that cannot be queued, or waits too long, is refused rather than piled up.</summary>
public sealed class GenerationQueue(IOptions<GenerationLimits> options, TimeProvider clock, ILogger<GenerationQueue> log) : IHostedService
{
    private sealed record Job(string Text, GenerationOptions Options, DateTimeOffset Queued, CancellationToken Abandoned)
    {
        public TaskCompletionSource<GenerationResult?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    // Unbounded: what may wait is counted by _waiting, running and queued together, exactly.
    private readonly BlockingCollection<Job> _jobs = new(new ConcurrentQueue<Job>());
    private readonly List<Thread> _workers = [];
    private int _waiting;

    /// <summary>Articles queued or being generated now.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>The generated bank, or null when the generator is busy (queue full, or waited too long).</summary>
    public Task<GenerationResult?> GenerateAsync(string text, GenerationOptions generation, CancellationToken abandoned)
    {
        var limits = options.Value;
        if (Interlocked.Increment(ref _waiting) > limits.QueueLength + limits.Workers)
        {
            Interlocked.Decrement(ref _waiting);
            return Task.FromResult<GenerationResult?>(null);
        }
        var job = new Job(text, generation, clock.GetUtcNow(), abandoned);
        try
        {
            _jobs.Add(job);
        }
        catch (InvalidOperationException)
        {
            Interlocked.Decrement(ref _waiting); // the server is stopping
            return Task.FromResult<GenerationResult?>(null);
        }
        return job.Done.Task;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < options.Value.Workers; i++)
        {
            var thread = new Thread(Work) { IsBackground = true, Name = $"Steppe generator {i + 1}" };
            _workers.Add(thread);
            thread.Start();
        }
        return Task.CompletedTask;
    }

    private void Work()
    {
        LowPriority.ForThisThread();
        foreach (var job in _jobs.GetConsumingEnumerable())
        {
            try
            {
                if (job.Abandoned.IsCancellationRequested)
                {
                    job.Done.TrySetCanceled(job.Abandoned); // the client went away while it waited
                }
                else if (clock.GetUtcNow() - job.Queued > TimeSpan.FromSeconds(options.Value.MaxWaitSeconds))
                {
                    job.Done.TrySetResult(null);
                }
                else
                {
                    job.Done.TrySetResult(BankGenerator.Generate(job.Text, job.Options));
                }
            }
            catch (Exception e)
            {
                log.LogError(e, "Generation failed");
                job.Done.TrySetException(e);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }
    }

    /// <summary>No new article is taken; a worker ends after its current one.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _jobs.CompleteAdding();
        return Task.CompletedTask;
    }
}

/// <summary>Lowers the calling thread's scheduling priority to the lowest (Linux nice 19; any process may lower its
/// own threads'). .NET's <see cref="Thread.Priority"/> does nothing on Linux. Elsewhere nothing changes.</summary>
internal static partial class LowPriority
{
    private const int PrioProcess = 0;
    private const int Lowest = 19;

    public static void ForThisThread()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        try
        {
            _ = SetPriority(PrioProcess, GetThreadId(), Lowest); // best effort: at worst the thread keeps its priority
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}
