using System.Text.Json;
using SocialValue.ReferenceData;

namespace SocialValue.Contracts;

/// <summary>
/// Social Enterprise UK's 12 steps to embedding social value in commissioning, as seed 002 §5 lists them (verbatim, in
/// <c>Data/twelve-steps.json</c>): every contract's planning checklist.
/// </summary>
public static class TwelveSteps
{
    /// <summary>The lead time step 6 asks for between starting commissioning and the service start.</summary>
    public const int LeadTimeMonths = 6;

    private static readonly Lazy<IReadOnlyList<string>> Texts = new(() =>
    {
        var document = JsonSerializer.Deserialize<Document>(EmbeddedJson.Read(typeof(TwelveSteps), "twelve-steps.json"), EmbeddedJson.Strict)
            ?? throw new InvalidDataException("twelve-steps.json holds no steps.");
        return document.Steps.Select((s, i) => s.Number == i + 1 ? s.Text : throw new InvalidDataException($"twelve-steps.json: step {i + 1} is numbered {s.Number}."))
            .ToList() is { Count: 12 } texts ? texts : throw new InvalidDataException("twelve-steps.json must hold 12 steps.");
    });

    /// <summary>The text of each step, step 1 first.</summary>
    public static IReadOnlyList<string> All => Texts.Value;

    /// <summary>Whole calendar months from <paramref name="from"/> to <paramref name="to"/> (negative when before).</summary>
    public static int MonthsBetween(DateOnly from, DateOnly to) =>
        (to.Year - from.Year) * 12 + to.Month - from.Month - (to.Day < from.Day ? 1 : 0);

    private sealed record Document(string Source, string Note, IReadOnlyList<Step> Steps);

    private sealed record Step(int Number, string Text);
}
