namespace SocialValue.Bench.Counters;

public sealed class BenchCounterState
{
    public int Count { get; set; }

    /// <summary>Filler so that the stored JSON has the size of a small real grain state.</summary>
    public string Note { get; set; } = "";
}
