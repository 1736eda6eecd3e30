namespace Steppe.Web.Interchange;

/// <summary>Reads one top-level field of a protobuf message: enough for the few settings of Anki's packages
/// (a package's version, a note type's kind, a template's front and back) without their .proto files.
/// A malformed message reads as "field absent".</summary>
internal static class Protobuf
{
    public static ulong? Varint(byte[] message, int field) =>
        Find(message, field, wireType: 0) is { } at ? ReadVarint(message, ref at) : null;

    public static string? Text(byte[] message, int field)
    {
        if (Find(message, field, wireType: 2) is not { } at)
        {
            return null;
        }
        var length = ReadVarint(message, ref at);
        return length is { } n && (ulong)at + n <= (ulong)message.Length ? System.Text.Encoding.UTF8.GetString(message, at, (int)n) : null;
    }

    /// <summary>Every occurrence of a length-delimited field (a repeated message), in order.</summary>
    public static IEnumerable<byte[]> All(byte[] message, int field)
    {
        var from = 0;
        while (Find(message, field, wireType: 2, from) is { } at)
        {
            if (ReadVarint(message, ref at) is not { } length || length > (ulong)(message.Length - at))
            {
                yield break;
            }
            yield return message[at..(at + (int)length)];
            from = at + (int)length;
        }
    }

    /// <summary>Where the value of the first occurrence of the field at or after <paramref name="from"/> starts, or null.</summary>
    private static int? Find(byte[] message, int field, int wireType, int from = 0)
    {
        var at = from;
        while (at < message.Length)
        {
            if (ReadVarint(message, ref at) is not { } key)
            {
                return null;
            }
            var (number, type) = ((int)(key >> 3), (int)(key & 7));
            if (number == field && type == wireType)
            {
                return at;
            }
            switch (type)
            {
                case 0:
                    if (ReadVarint(message, ref at) is null)
                    {
                        return null;
                    }
                    break;
                case 1:
                    at += 8;
                    break;
                case 2:
                    if (ReadVarint(message, ref at) is not { } length || length > (ulong)(message.Length - at))
                    {
                        return null;
                    }
                    at += (int)length;
                    break;
                case 5:
                    at += 4;
                    break;
                default:
                    return null;
            }
        }
        return null;
    }

    private static ulong? ReadVarint(byte[] message, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64 && at < message.Length; shift += 7)
        {
            var b = message[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
        return null;
    }
}
