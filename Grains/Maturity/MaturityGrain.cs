using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using SocialValue.Errors;
using SocialValue.Formulas;
using SocialValue.Organisations;
using SocialValue.Scheduling;
using SocialValue.Versions;
using SocialValue.Workflow;

namespace SocialValue.Maturity;

public sealed class MaturityGrain(
    [PersistentState("maturity", "store")] IPersistentState<MaturityState> maturity,
    MaturityOptions options,
    Deadlines deadlines,
    [FromKeyedServices(BusinessClock.Key)] TimeProvider time)
    : KeyedGrain, IMaturityGrain
{
    /// <summary>The trigger an assessment's change of a dimension's level is recorded under in the dimension's history.</summary>
    public const string AssessTrigger = "Assess";

    private static MaturityWorkflow Workflow(DimensionState dimension) => new(dimension);

    public async Task<MaturityDetails> AssessAsync(IReadOnlyList<DimensionAssessment> dimensions, string actor, VersionCondition? expected)
    {
        await Organisation().GetAsync();
        Validate(dimensions);
        await EnsureVersionAsync(expected);
        await EnsureOverallLevelsAsync(dimensions);
        var now = time.GetUtcNow();
        var state = maturity.State;
        state.Dimensions = [.. dimensions.OrderBy(d => d.Code, StringComparer.Ordinal).Select(d => Assess(d, actor, now))];
        (state.AssessedAt, state.AssessedBy, state.NextReviewAt, state.ReviewDue) = (now, actor, options.NextReview(now), false);
        var scheduled = state.ReviewJob;
        state.ReviewJob = deadlines.Schedule<IMaturityGrain>(Key, IMaturityGrain.ReviewDeadline, state.NextReviewAt, scheduled);
        await maturity.WriteStateAsync();
        deadlines.Release(scheduled, state.ReviewJob);
        return await DetailsAsync();
    }

    public Task<MaturityDetails> GetAsync() => DetailsAsync();

    public async Task<MaturityDetails> UpdateActionAsync(string actionId, ActionUpdate update, VersionCondition? expected)
    {
        await EnsureAssessedAsync();
        var action = maturity.State.Dimensions.SelectMany(d => d.Actions).FirstOrDefault(a => a.Id == actionId)
            ?? throw new NotFoundException(MaturityPlan.Find(actionId) is null
                ? $"There is no maturity action '{actionId}'; action ids look like 'c-mature-1'."
                : $"Action '{actionId}' is not in the plan of '{Key}': its level is not between a dimension's present level and target.");
        await EnsureVersionAsync(expected);
        action.Status = update.Status ?? action.Status;
        action.Owner = Cleared(update.Owner, action.Owner);
        action.DueDate = update.DueDate ?? action.DueDate;
        action.Notes = Cleared(update.Notes, action.Notes);
        action.Evidence = update.Evidence is { } evidence ? [.. evidence] : action.Evidence;
        await maturity.WriteStateAsync();
        return await DetailsAsync();
    }

    public async Task<TransitionOptions> GetTransitionsAsync(string code)
    {
        var dimension = await DimensionAsync(code);
        return await Workflow(dimension).GetTransitionsAsync();
    }

    public async Task<MaturityDetails> FireAsync(string code, TransitionRequest request, VersionCondition? expected)
    {
        var dimension = await DimensionAsync(code);
        await EnsureVersionAsync(expected);
        await Workflow(dimension).FireAsync(request, time.GetUtcNow());
        try
        {
            await EnsureOverallLevelsAsync(maturity.State.Dimensions.Select(d => new DimensionAssessment(d.Code, d.Present, d.Target)));
        }
        catch (ValidationException)
        {
            await maturity.ReadStateAsync(); // the transition changed the dimension in memory only: back to what is stored
            throw;
        }
        await maturity.WriteStateAsync();
        return await DetailsAsync();
    }

    /// <summary>
    /// API.md: an assessment is validated with the overall formula before it is stored, so a formula that fails on it
    /// refuses it and leaves the stored one as it was (and every later read of it can be answered).
    /// </summary>
    private async Task EnsureOverallLevelsAsync(IEnumerable<DimensionAssessment> dimensions)
    {
        try
        {
            await GrainFactory.GetGrain<IMaturityModelGrain>(IMaturityModelGrain.Default).EvaluateOverallAsync([.. dimensions]);
        }
        catch (FormulaEvaluationException e)
        {
            throw new ValidationException("dimensions", $"The overall formula cannot be evaluated on this assessment, so it is not stored: {e.Message}.");
        }
    }

    public Task<string> GetDiagramAsync() => Task.FromResult(MaturityWorkflow.Diagram.ToMermaid());

    public async Task OnDeadlineAsync(string deadline, string jobId)
    {
        var state = maturity.State;
        if (deadline != IMaturityGrain.ReviewDeadline || !maturity.RecordExists || state.ReviewDue || jobId != state.ReviewJob?.JobId)
        {
            return;
        }
        if (time.GetUtcNow() + Deadlines.Tolerance < state.NextReviewAt)
        {
            // Our job ran early (another machine's clock runs ahead): a new one waits for the review's real date.
            state.ReviewJob = deadlines.Schedule<IMaturityGrain>(Key, IMaturityGrain.ReviewDeadline, state.NextReviewAt, current: null);
        }
        else
        {
            state.ReviewDue = true;
        }
        await maturity.WriteStateAsync();
    }

    private DimensionState Assess(DimensionAssessment assessment, string actor, DateTimeOffset now)
    {
        var existing = maturity.State.Dimensions.FirstOrDefault(d => d.Code == assessment.Code);
        var dimension = existing ?? new DimensionState { Code = assessment.Code, Present = assessment.Present };
        dimension.Target = assessment.Target;
        // The first assessment and every change of level it makes are in the history; a level confirmed as it was is not.
        var record = existing is null || existing.Present != assessment.Present
            ? new TransitionRecord(now, actor, AssessTrigger, dimension.Present.ToString(), assessment.Present.ToString(), "assessment")
            : null;
        Move(dimension, assessment.Present, record);
        return dimension;
    }

    private static void Move(DimensionState dimension, MaturityLevel to, TransitionRecord? record)
    {
        dimension.Present = to;
        dimension.Actions = MaturityPlan.Generate(dimension.Code, dimension.Present, dimension.Target, dimension.Actions);
        if (record is not null)
        {
            dimension.History.Add(record);
        }
    }

    private static void Validate(IReadOnlyList<DimensionAssessment> dimensions)
    {
        var errors = new Dictionary<string, string[]>();
        var codes = MaturityModel.Dimensions.Select(d => d.Code).ToList();
        for (var i = 0; i < dimensions.Count; i++)
        {
            var d = dimensions[i];
            if (!codes.Contains(d.Code))
            {
                errors[$"dimensions[{i}].code"] = [$"'{d.Code}' is not a maturity dimension; the codes are A to J."];
            }
            else if (dimensions.Take(i).Any(earlier => earlier.Code == d.Code))
            {
                errors[$"dimensions[{i}].code"] = [$"Dimension {d.Code} is given twice."];
            }
            if (d.Target < d.Present)
            {
                errors[$"dimensions[{i}].target"] = [$"The target of dimension {d.Code}, {d.Target}, is below its present level, {d.Present}."];
            }
        }
        var missing = codes.Except(dimensions.Select(d => d.Code)).ToList();
        if (missing.Count > 0)
        {
            errors["dimensions"] = [$"An assessment gives all ten dimensions; missing: {string.Join(", ", missing)}."];
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }

    private async Task EnsureVersionAsync(VersionCondition? expected)
    {
        if (expected is not null)
        {
            VersionCondition.Check(expected, maturity.RecordExists ? (await DetailsAsync()).ETag : null);
        }
    }

    private async Task<OrganisationDetails> EnsureAssessedAsync()
    {
        var organisation = await Organisation().GetAsync();
        return maturity.RecordExists
            ? organisation
            : throw new NotFoundException($"Organisation '{Key}' has no maturity assessment yet; PUT one first.");
    }

    private async Task<DimensionState> DimensionAsync(string code)
    {
        await EnsureAssessedAsync();
        return maturity.State.Dimensions.FirstOrDefault(d => d.Code == code)
            ?? throw new NotFoundException($"'{code}' is not a maturity dimension; the codes are A to J.");
    }

    private static string? Cleared(string? update, string? current) =>
        update is null ? current : string.IsNullOrWhiteSpace(update) ? null : update.Trim();

    private IOrganisationGrain Organisation() => GrainFactory.GetGrain<IOrganisationGrain>(Key);

    private async Task<MaturityDetails> DetailsAsync()
    {
        var organisation = await EnsureAssessedAsync();
        var state = maturity.State;
        var overall = await GrainFactory.GetGrain<IMaturityModelGrain>(IMaturityModelGrain.Default)
            .EvaluateOverallAsync([.. state.Dimensions.Select(d => new DimensionAssessment(d.Code, d.Present, d.Target))]);
        // The overall levels are part of what a client reads, so a new overall formula is a new version of the resource.
        var etag = $"{maturity.Etag}-{overall.FormulaVersion}";
        return new MaturityDetails(Key, organisation.Name, overall, [.. state.Dimensions.Select(AsDetails)],
            state.AssessedAt, state.AssessedBy, state.NextReviewAt, state.ReviewDue, etag);
    }

    private static DimensionDetails AsDetails(DimensionState dimension) =>
        new(dimension.Code,
            MaturityModel.Dimensions.Single(d => d.Code == dimension.Code).Name,
            dimension.Present,
            dimension.Target,
            [.. dimension.Actions.Select(AsDetails)],
            dimension.History);

    private static PlannedAction AsDetails(ActionState action)
    {
        var definition = MaturityPlan.Find(action.Id)!;
        return new PlannedAction(action.Id, definition.Level, definition.Text, action.Status, action.Owner, action.DueDate, action.Notes, action.Evidence);
    }
}
