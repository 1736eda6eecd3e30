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
}
