using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using SocialValue.Formulas;
using SocialValue.Frameworks;
using SocialValue.Versions;

namespace SocialValue.Maturity;

public sealed class MaturityModelGrain(
    [PersistentState("maturity-model", "store")] IPersistentState<MaturityModelState> model,
    FormulaEngine formulas,
    [FromKeyedServices(BusinessClock.Key)] TimeProvider time)
    : KeyedGrain, IMaturityModelGrain
{
    private static readonly FormulaVersionDetails DefaultFormula =
        FormulaVersions.New(1, OverallFormula.DefaultSource, "seed 001", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

    // Holding the compiled current version keeps its load context alive while this activation lives.
    private CompiledFormula? _current;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        model.State.OverallFormulaVersions = model.State.OverallFormulaVersions.WithInputs();
        return Task.CompletedTask;
    }

    private List<FormulaVersionDetails> Versions =>
        model.State.OverallFormulaVersions is { Count: > 0 } versions ? versions : [DefaultFormula];

    public Task<MaturityModelDetails> GetAsync() =>
        Task.FromResult(new MaturityModelDetails(
            MaturityModel.Levels, MaturityModel.Dimensions, MaturityModel.Actions, Versions[^1], MaturityModel.Notes));

    public Task<IReadOnlyList<FormulaVersionDetails>> GetOverallFormulaVersionsAsync() =>
        Task.FromResult<IReadOnlyList<FormulaVersionDetails>>(Versions);

    public async Task<FormulaVersionDetails> PublishOverallFormulaAsync(string source, string author, VersionCondition? expected)
    {
        VersionCondition.Check(expected, Versions[^1].ETag());
        var compiled = formulas.Compile(source);
        OverallFormula.Prove(formulas, compiled);
        var versions = Versions;
        var version = FormulaVersions.New(versions.Count + 1, source, author, time.GetUtcNow());
        model.State.OverallFormulaVersions = [.. versions, version];
        await model.WriteStateAsync();
        _current = compiled;
        return version;
    }

    public Task<OverallLevels> EvaluateOverallAsync(IReadOnlyList<DimensionAssessment> dimensions)
    {
        var version = Versions[^1];
        if (_current?.Source != version.Source)
        {
            _current = formulas.Compile(version.Source);
        }
        var (present, target) = OverallFormula.Evaluate(formulas, _current, dimensions);
        return Task.FromResult(new OverallLevels(present, target, version.Version));
    }
}
