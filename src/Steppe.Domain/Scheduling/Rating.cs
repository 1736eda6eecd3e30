namespace Steppe.Domain.Scheduling;

/// <summary>The learner's answer to a card: Again means forgotten; Hard, Good and Easy are passing grades.</summary>
public enum Rating
{
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

/// <summary>Where a card is in its life: never seen, in its first (learning) steps, on day intervals,
/// or back in short steps after a lapse.</summary>
public enum CardState
{
    New = 0,
    Learning = 1,
    Review = 2,
    Relearning = 3,
}

/// <summary>What FSRS remembers of a card: stability (days until recall falls to 90 %) and difficulty (1–10).</summary>
public readonly record struct MemoryState(double Stability, double Difficulty);
