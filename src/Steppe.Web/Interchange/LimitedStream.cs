namespace Steppe.Web.Interchange;

/// <summary>A read-only stream that refuses to give more than <paramref name="limit"/> bytes: a ZIP or zstd
/// bomb stops here, whatever sizes it declares.</summary>
internal sealed class LimitedStream(Stream inner, long limit, string name) : Stream
{
    private long _read;

    /// <summary>All of <paramref name="input"/>, refused past <paramref name="limit"/> bytes.</summary>
    public static byte[] ReadAll(Stream input, long limit, string name)
    {
        using var limited = new LimitedStream(input, limit, name);
        using var bytes = new MemoryStream();
        limited.CopyTo(bytes);
        return bytes.ToArray();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = inner.Read(buffer, offset, count);
        _read += n;
        return _read > limit
            ? throw new ImportFileException($"has an entry '{name}' that unpacks to more than {limit / (1024 * 1024):N0} MB: refused")
            : n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
