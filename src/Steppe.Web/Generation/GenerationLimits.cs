using System.ComponentModel.DataAnnotations;

namespace Steppe.Web.Generation;

/// <summary>Settings of the "Generation" section: how much generating one user, and the server, may do.</summary>
public sealed class GenerationLimits
{
    public const string Section = "Generation";

    /// <summary>Generations per signed-in user per hour.</summary>
    [Range(1, 100_000)]
    public int PerUserPerHour { get; set; } = 30;

    /// <summary>Articles generated at the same time, each on a thread of its own (never a request thread). One
    /// leaves the other core of a two-core server to everyone studying.</summary>
    [Range(1, 64)]
    public int Workers { get; set; } = 1;

    /// <summary>Articles that may wait for a worker; more are refused with 503 at once.</summary>
    [Range(0, 1_000)]
    public int QueueLength { get; set; } = 4;

    /// <summary>An article that waited this long for a worker is refused (503) rather than started.</summary>
    [Range(1, 3_600)]
    public int MaxWaitSeconds { get; set; } = 60;

    /// <summary>Longest sentence accepted, in characters: the generator's work per sentence grows faster than the
    /// sentence, and no question can rest on a sentence this long.</summary>
    [Range(100, 1_000_000)]
    public int MaxSentenceCharacters { get; set; } = 2_000;
}
