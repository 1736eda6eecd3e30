using System.ComponentModel.DataAnnotations;

namespace Steppe.Web.Banks;

/// <summary>Settings of the "Banks" section.</summary>
public sealed class BanksOptions
{
    public const string Section = "Banks";

    /// <summary>The folder whose *.json banks are loaded at start, relative to the content root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Directory { get; set; } = "question-bank";

    /// <summary>Bank files larger than this are skipped.</summary>
    [Range(1024, 256L * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = Steppe.Domain.Banks.BankReader.DefaultMaxBytes;

    /// <summary>Banks one account may add through the API.</summary>
    [Range(0, 100_000)]
    public int MaxBanksPerAccount { get; set; } = 50;

    /// <summary>The stored size of all banks one account added, together.</summary>
    [Range(0, 10L * 1024 * 1024 * 1024)]
    public long MaxBytesPerAccount { get; set; } = 25L * 1024 * 1024;

    /// <summary>Questions in one bank added through the API (banks of the bank folder are the operator's and
    /// have no such limit).</summary>
    [Range(1, 1_000_000)]
    public int MaxQuestionsPerBank { get; set; } = 5_000;

    /// <summary>Versions kept of a bank made or uploaded in the browser, the current one included; older ones are
    /// pruned. Stored compressed, and counted so in <see cref="MaxBytesPerAccount"/>.</summary>
    [Range(1, 1000)]
    public int VersionsKept { get; set; } = 20;

    /// <summary>The stored size of all pictures one account uploaded, together (each at most 5 MB).</summary>
    [Range(0, 10L * 1024 * 1024 * 1024)]
    public long MaxPictureBytesPerAccount { get; set; } = 100L * 1024 * 1024;
}
