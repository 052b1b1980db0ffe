using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using SocialValue.Amounts;
using SocialValue.Errors;
using SocialValue.Formulas;
using SocialValue.Ids;
using SocialValue.Versions;

namespace SocialValue.Frameworks;

public sealed class FrameworkGrain(
    [PersistentState("framework", "store")] IPersistentState<FrameworkState> framework,
    FormulaEngine formulas,
    [FromKeyedServices(BusinessClock.Key)] TimeProvider time)
    : KeyedGrain, IFrameworkGrain
{
    public const string TemplateETag = "template";
    private static readonly DateTimeOffset TemplatePublishedAt = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, IReadOnlyList<string>> _figureInputs = new(StringComparer.Ordinal);
    private bool _isTemplate;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (ReferenceFrameworks.Find(Key) is { } template)
        {
            // A shipped framework's themes, outcomes and measures always come from the seeds; what is stored for it is
            // only the proxy values its administrator has set.
            var proxyValues = framework.RecordExists ? framework.State.ProxyValues : [];
            framework.State = FromTemplate(template);
            framework.State.ProxyValues = proxyValues;
            _isTemplate = true;
        }
        foreach (var (_, _, measure) in AllMeasures())
        {
            measure.Versions = measure.Versions.WithInputs();
        }
        return Task.CompletedTask;
    }

    public async Task<FrameworkDetails> CreateAsync(NewFramework newFramework)
    {
        if (framework.RecordExists || _isTemplate)
        {
            throw new ConflictException($"Framework '{Key}' exists already.");
        }
        var state = new FrameworkState { Name = newFramework.Name };
        if (newFramework.CopyFrom is { } sourceId)
        {
            if (sourceId == Key)
            {
                // A grain never calls itself: validate here instead of waiting on our own turn.
                throw new ValidationException("copyFrom", $"Framework '{Key}' cannot be copied from itself; name an existing framework.");
            }
            var source = await GrainFactory.GetGrain<IFrameworkGrain>(sourceId).GetAsync();
            var publishedAt = time.GetUtcNow();
            state.CopiedFrom = sourceId;
            state.Themes = [.. source.Themes.Select(t => CopyTheme(t, newFramework.Author, publishedAt))];
            state.ProxyValues = [.. source.ProxyValueHistory];
        }
        framework.State = state;
        await SaveAsync();
        return Details();
    }

    public Task<FrameworkDetails> GetAsync() => Task.FromResult(Details());

    public async Task<Versioned<ThemeDetails>> AddThemeAsync(string? id, string name, string? code, VersionCondition? expected)
    {
        EnsureEditable(expected);
        var themeId = NewId(id, "theme", framework.State.Themes.Select(t => t.Id), $"t{framework.State.Themes.Count + 1}");
        var theme = new ThemeState { Id = themeId, Name = name, Code = code };
        framework.State.Themes.Add(theme);
        await SaveAsync();
        return new(AsDetails(theme), framework.Etag!);
    }

    public async Task<Versioned<OutcomeDetails>> AddOutcomeAsync(string themeId, string? id, string name, VersionCondition? expected)
    {
        EnsureEditable(expected);
        var theme = Theme(themeId, "themeId");
        var outcomeId = NewId(id, "outcome", AllOutcomes().Select(o => o.Outcome.Id), $"{theme.Id}-o{theme.Outcomes.Count + 1}");
        var outcome = new OutcomeState { Id = outcomeId, Name = name };
        theme.Outcomes.Add(outcome);
        await SaveAsync();
        return new(AsDetails(theme, outcome), framework.Etag!);
    }

    public async Task<Versioned<MeasureDetails>> AddMeasureAsync(NewMeasure newMeasure, VersionCondition? expected)
    {
        EnsureEditable(expected);
        var theme = Theme(newMeasure.ThemeId, "themeId");
        var outcome = theme.Outcomes.FirstOrDefault(o => o.Id == newMeasure.OutcomeId)
            ?? throw new ValidationException("outcomeId", $"Theme '{theme.Id}' has no outcome '{newMeasure.OutcomeId}'.");
        var existing = AllMeasures().Select(m => m.Measure.Id).ToList();
        var measureId = NewId(newMeasure.Id, "measure", existing, $"{theme.Id}-m{existing.Count + 1}");
        // Refuses a formula or figure that does not compile; the engine keeps both compiled while they are read.
        formulas.Compile(newMeasure.Formula);
        var figure = newMeasure.Figure ?? MeasureFigure.Quantity;
        formulas.Compile(figure);
        var measure = new MeasureState
        {
            Id = measureId,
            Title = newMeasure.Title,
            Unit = newMeasure.Unit,
            Options = newMeasure.Options,
            Direction = newMeasure.Direction,
            Figure = figure,
            Versions = [FormulaVersions.New(1, newMeasure.Formula, newMeasure.Author, time.GetUtcNow())],
        };
        outcome.Measures.Add(measure);
        await SaveAsync();
        return new(AsDetails(theme, outcome, measure), framework.Etag!);
    }

    public Task<MeasureDetails> GetMeasureAsync(string measureId)
    {
        var (theme, outcome, measure) = Measure(measureId);
        return Task.FromResult(AsDetails(theme, outcome, measure));
    }

    public async Task<Versioned<FormulaVersionDetails>> PublishFormulaAsync(string measureId, string source, string author, VersionCondition? expected)
    {
        EnsureEditable(expected);
        var (_, _, measure) = Measure(measureId);
        formulas.Compile(source); // refuses a formula that does not compile; the engine keeps it compiled
        var version = FormulaVersions.New(measure.Versions.Count + 1, source, author, time.GetUtcNow());
        measure.Versions.Add(version);
        await SaveAsync();
        return new(version, framework.Etag!);
    }

    public Task<IReadOnlyList<FormulaVersionDetails>> GetFormulaVersionsAsync(string measureId) =>
        Task.FromResult<IReadOnlyList<FormulaVersionDetails>>(Measure(measureId).Measure.Versions);

    public Task<IReadOnlyList<string>> GetInputsAsync(string measureId, int? version)
    {
        var (number, _) = FormulaVersion(measureId, version);
        var measure = Measure(measureId).Measure;
        return Task.FromResult<IReadOnlyList<string>>([.. FigureInputs(measure.Figure).Union(measure.Versions[number - 1].Inputs ?? [])]);
    }

    public Task<EvaluationResult> EvaluateAsync(string measureId, EvaluationRequest request)
    {
        var (number, source) = FormulaVersion(measureId, request.Version);
        // The engine keeps the versions read lately compiled and lets the others unload, however many a reader names.
        return Task.FromResult(Evaluate(measureId, formulas.Compile(source), number, request));
    }

    public Task<EvaluationResult> TryFormulaAsync(string measureId, string source, EvaluationRequest request)
    {
        Measure(measureId);
        return Task.FromResult(Evaluate(measureId, formulas.Compile(source), 0, request));
    }

    private EvaluationResult Evaluate(string measureId, CompiledFormula compiled, int version, EvaluationRequest request)
    {
        var at = AtOf(request);
        var value = Holdable(formulas.Evaluate(compiled, InputsOf(request), code => ProxyValueAt(code, at)), "formula");
        return new EvaluationResult(measureId, value, version, at);
    }

    public Task<Valuation> ValueAsync(string measureId, EvaluationRequest request)
    {
        var (number, source) = FormulaVersion(measureId, request.Version);
        var at = AtOf(request);
        var inputs = InputsOf(request);
        var units = Holdable(formulas.Evaluate(formulas.Compile(Measure(measureId).Measure.Figure), inputs), "figure");
        string? missingProxy = null;
        try
        {
            var gbp = Holdable(formulas.Evaluate(formulas.Compile(source), inputs, code =>
            {
                var value = ProxyValueAt(code, at);
                missingProxy ??= value is null ? code : null;
                return value;
            }), "formula");
            return Task.FromResult(new Valuation(measureId, units, gbp, number, at, null));
        }
        catch (FormulaEvaluationException) when (missingProxy is not null)
        {
            return Task.FromResult(new Valuation(measureId, units, null, number, at,
                $"No proxy value '{missingProxy}' is in force on {at:yyyy-MM-dd}, so this figure is counted in units, not £."));
        }
    }

    /// <summary>The formula version a request names (the latest when it names none) and its source; 422 for one that does not exist.</summary>
    private (int Number, string Source) FormulaVersion(string measureId, int? version)
    {
        var (_, _, measure) = Measure(measureId);
        var number = version ?? measure.Versions.Count;
        return number >= 1 && number <= measure.Versions.Count
            ? (number, measure.Versions[number - 1].Source)
            : throw new ValidationException("version", $"Measure '{measureId}' has versions 1 to {measure.Versions.Count}, not {number}.");
    }

    /// <summary>The date whose proxy values an evaluation uses: the one asked for, else today.</summary>
    private DateOnly AtOf(EvaluationRequest request) => request.At ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static FormulaInputs InputsOf(EvaluationRequest request) =>
        new(request.Quantity, request.Target, request.ContractValue, request.Inputs, request.Lists);

    /// <summary>
    /// API.md "Money": a value the service cannot hold is refused as the formula's failure when it is computed, never
    /// stored to overflow a later sum.
    /// </summary>
    private static decimal Holdable(decimal value, string what) =>
        Amount.IsHoldable(value)
            ? value
            : throw new FormulaEvaluationException($"the {what} gives {value:G}, beyond what the service holds (at most {Amount.MaxText} in size)");

    public async Task<Versioned<MeasureDetails>> SetAdjustmentsAsync(string measureId, SroiAdjustments? adjustments, VersionCondition? expected)
    {
        EnsureEditable(expected);
        var (theme, outcome, measure) = Measure(measureId);
        measure.Adjustments = adjustments;
        await SaveAsync();
        return new(AsDetails(theme, outcome, measure), framework.Etag!);
    }

    public async Task<Versioned<IReadOnlyList<ProxyValueEntry>>> SetProxyValueAsync(
        string code, decimal value, DateOnly effectiveFrom, string author, VersionCondition? expected)
    {
        // Proxy values are the framework administrator's to set, on a shipped framework too: the seeds ship none.
        EnsureExists();
        VersionCondition.Check(expected, Version);
        var values = framework.State.ProxyValues;
        values.RemoveAll(p => p.Code == code && p.EffectiveFrom == effectiveFrom);
        values.Add(new ProxyValueEntry(code, value, effectiveFrom, author));
        framework.State.ProxyValues = [.. values.OrderBy(p => p.Code, StringComparer.Ordinal).ThenBy(p => p.EffectiveFrom)];
        await SaveAsync();
        return new([.. framework.State.ProxyValues.Where(p => p.Code == code)], framework.Etag!);
    }

    private decimal? ProxyValueAt(string code, DateOnly at) =>
        framework.State.ProxyValues.LastOrDefault(p => p.Code == code && p.EffectiveFrom <= at)?.Value;

    private async Task SaveAsync()
    {
        await framework.WriteStateAsync();
        if (_isTemplate)
        {
            // The index lists the shipped frameworks already, and their proxy values are not in it.
            return;
        }
        await FollowUpAsync("index", () => GrainFactory.GetGrain<IFrameworkIndexGrain>(IFrameworkIndexGrain.All)
            .UpsertAsync(new FrameworkSummary(Key, framework.State.Name, false, framework.State.CopiedFrom)));
    }

    private void EnsureEditable(VersionCondition? expected)
    {
        EnsureExists();
        if (_isTemplate)
        {
            throw new ConflictException(
                $"Framework '{Key}' is a read-only template built from the seeds; copy it (POST /api/frameworks with copyFrom) and edit the copy.");
        }
        VersionCondition.Check(expected, Version);
    }

    /// <summary>The framework's version: its stored row's, or for a shipped framework with nothing stored yet, the template's.</summary>
    private string Version => framework.Etag ?? TemplateETag;

    private void EnsureExists()
    {
        if (!framework.RecordExists && !_isTemplate)
        {
            throw new NotFoundException($"There is no framework '{Key}'.");
        }
    }

    private ThemeState Theme(string themeId, string field) =>
        framework.State.Themes.FirstOrDefault(t => t.Id == themeId)
            ?? throw new ValidationException(field, $"Framework '{Key}' has no theme '{themeId}'.");

    private (ThemeState Theme, OutcomeState Outcome, MeasureState Measure) Measure(string measureId)
    {
        EnsureExists();
        return AllMeasures().FirstOrDefault(m => m.Measure.Id == measureId) is { Measure: not null } found
            ? found
            : throw new NotFoundException($"Framework '{Key}' has no measure '{measureId}'.");
    }

    private IEnumerable<(ThemeState Theme, OutcomeState Outcome)> AllOutcomes() =>
        framework.State.Themes.SelectMany(t => t.Outcomes.Select(o => (t, o)));

    private IEnumerable<(ThemeState Theme, OutcomeState Outcome, MeasureState Measure)> AllMeasures() =>
        AllOutcomes().SelectMany(to => to.Outcome.Measures.Select(m => (to.Theme, to.Outcome, m)));

    private static string NewId(string? requested, string what, IEnumerable<string> taken, string fallback)
    {
        var ids = taken.ToHashSet();
        if (requested is not null)
        {
            if (!Slug.IsValid(requested))
            {
                throw new ValidationException("id", $"A {what} id must match [a-z0-9][a-z0-9-]{{0,63}}.");
            }
            return ids.Contains(requested) ? throw new ConflictException($"The framework has a {what} '{requested}' already.") : requested;
        }
        var id = fallback;
        while (ids.Contains(id))
        {
            id = $"{fallback}-{Slug.Random()[..4]}";
        }
        return id;
    }

    private FrameworkDetails Details()
    {
        EnsureExists();
        var state = framework.State;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var inForce = state.ProxyValues.Select(p => p.Code).Distinct()
            .Select(code => (code, value: ProxyValueAt(code, today)))
            .Where(p => p.value is not null)
            .ToDictionary(p => p.code, p => p.value!.Value);
        return new FrameworkDetails(Key, state.Name, _isTemplate, state.CopiedFrom, [.. state.Themes.Select(AsDetails)],
            inForce, state.ProxyValues, Version);
    }

    private ThemeDetails AsDetails(ThemeState theme) =>
        new(theme.Id, theme.Code, theme.Name, [.. theme.Outcomes.Select(o => AsDetails(theme, o))], theme.Note);

    private OutcomeDetails AsDetails(ThemeState theme, OutcomeState outcome) =>
        new(outcome.Id, outcome.Name, outcome.MarmotPriority, [.. outcome.Measures.Select(m => AsDetails(theme, outcome, m))], outcome.Note);

    private MeasureDetails AsDetails(ThemeState theme, OutcomeState outcome, MeasureState measure) =>
        new(measure.Id, measure.Number, measure.Title, measure.Unit, measure.Options, theme.Id, outcome.Id, measure.Versions[^1],
            measure.Direction, measure.Figure, measure.Note, measure.Adjustments, FigureInputs(measure.Figure));

    // A framework has a handful of distinct figures, read on every answer: each is parsed once per activation.
    private IReadOnlyList<string> FigureInputs(string figure)
    {
        if (!_figureInputs.TryGetValue(figure, out var inputs))
        {
            _figureInputs[figure] = inputs = FormulaInputNames.Of(figure);
        }
        return inputs;
    }

    private static ThemeState CopyTheme(ThemeDetails theme, string author, DateTimeOffset at) => new()
    {
        Id = theme.Id,
        Code = theme.Code,
        Name = theme.Name,
        Note = theme.Note,
        Outcomes = [.. theme.Outcomes.Select(o => new OutcomeState
        {
            Id = o.Id,
            Name = o.Name,
            MarmotPriority = o.MarmotPriority,
            Note = o.Note,
            Measures = [.. o.Measures.Select(m => new MeasureState
            {
                Id = m.Id,
                Number = m.Number,
                Title = m.Title,
                Unit = m.Unit,
                Options = m.Options,
                Direction = m.Direction,
                Figure = m.Figure,
                Note = m.Note,
                Versions = [m.Formula with { Version = 1, Author = author, PublishedAt = at }],
            })],
        })],
    };

    private static FrameworkState FromTemplate(FrameworkDefinition template) => new()
    {
        Name = template.Name,
        Themes = [.. template.Themes.Select(t => new ThemeState
        {
            Id = t.Id,
            Code = t.Code,
            Name = t.Name,
            Note = t.Note,
            Outcomes = [.. t.Outcomes.Select(o => new OutcomeState
            {
                Id = o.Id,
                Name = o.Name,
                MarmotPriority = o.MarmotPriority,
                Note = o.Note,
                Measures = [.. o.Measures.Select(m => new MeasureState
                {
                    Id = m.Id,
                    Number = m.Number,
                    Title = m.Title,
                    Unit = m.Unit,
                    Options = m.Options,
                    Direction = m.Direction,
                    Figure = m.Figure,
                    Note = m.Note,
                    Versions = [FormulaVersions.New(1, m.Formula, "seed", TemplatePublishedAt)],
                })],
            })],
        })],
    };
}
