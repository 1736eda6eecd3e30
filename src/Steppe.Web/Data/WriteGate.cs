namespace Steppe.Web.Data;

/// <summary>SQLite takes one writer at a time. A second writer waits in SQLite's busy handler, which sleeps in
/// growing steps (up to 100 ms), so under load answers would wait on sleeps rather than on each other. Busy
/// write paths (answers, undo) pass this gate first: they queue in memory, in order, and reach SQLite one at a
/// time. Other writes still rely on the busy timeout (<see cref="SqlitePragmas"/>).</summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        return new Exit(_gate);
    }

    private sealed class Exit(SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
