using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using SocialValue.Formulas;
using SocialValue.Frameworks;
using SocialValue.Versions;

namespace SocialValue.Contracts;

public sealed class BidScoreFormulaGrain(
    [PersistentState("bid-score-formula", "store")] IPersistentState<BidScoreFormulaState> formula,
    FormulaEngine formulas,
    [FromKeyedServices(BusinessClock.Key)] TimeProvider time)
    : KeyedGrain, IBidScoreFormulaGrain
{
    private static readonly FormulaVersionDetails First =
        FormulaVersions.New(1, IBidScoreFormulaGrain.DefaultSource, "default", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        formula.State.Versions = formula.State.Versions.WithInputs();
        return Task.CompletedTask;
    }

    private List<FormulaVersionDetails> Versions => formula.State.Versions.Count > 0 ? formula.State.Versions : [First];

    public Task<FormulaVersionDetails> GetCurrentAsync() => Task.FromResult(Versions[^1]);

    public Task<IReadOnlyList<FormulaVersionDetails>> GetVersionsAsync() => Task.FromResult<IReadOnlyList<FormulaVersionDetails>>(Versions);

    public async Task<FormulaVersionDetails> PublishAsync(string source, string author, VersionCondition? expected)
    {
        VersionCondition.Check(expected, Versions[^1].ETag());
        var compiled = formulas.Compile(source);
        foreach (var trial in new[] { new BidScores(0, 0), new BidScores(5, 5) })
        {
            formulas.Evaluate(compiled, Inputs(trial));
        }
        var versions = Versions;
        var version = FormulaVersions.New(versions.Count + 1, source, author, time.GetUtcNow());
        formula.State.Versions = [.. versions, version];
        await formula.WriteStateAsync();
        return version;
    }

    public Task<decimal> EvaluateAsync(int version, BidScores scores)
    {
        // The engine keeps the versions scored with lately compiled and lets the others unload.
        return Task.FromResult(formulas.Evaluate(formulas.Compile(Versions[version - 1].Source), Inputs(scores)));
    }

    private static FormulaInputs Inputs(BidScores scores) =>
        new(0, 0, 0, new Dictionary<string, decimal> { ["delivery"] = scores.Delivery, ["measurement"] = scores.Measurement });
}
