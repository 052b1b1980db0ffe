using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using SocialValue.Errors;
using SocialValue.Formulas;
using SocialValue.Frameworks;
using SocialValue.Ids;
using SocialValue.Maturity;
using SocialValue.Organisations;
using SocialValue.Scheduling;
using SocialValue.Versions;
using SocialValue.Workflow;

namespace SocialValue.Contracts;

public sealed partial class ContractGrain(
    [PersistentState("contract", "store")] IPersistentState<ContractState> contract,
    ContractOptions options,
    Deadlines deadlines,
    [FromKeyedServices(BusinessClock.Key)] TimeProvider time)
    : KeyedGrain, IContractGrain
{
    public const string ReturnsDueDeadline = "returns-due";

    private ContractWorkflow Workflow => new(State, new ContractEffects(async () => (await ScoreFormula.GetCurrentAsync()).Version, AwardAsync, GoLive));

    private ContractState State => contract.State;

    public async Task<ContractDetails> CreateAsync(NewContract newContract)
    {
        if (contract.RecordExists)
        {
            throw new ConflictException($"Contract '{Key}' exists already.");
        }
        var commissioner = await Commissioner(newContract.OrganisationId);
        // API.md: any framework may be named (an organisation may use several); else the adopted one; neither is 422.
        var frameworkId = newContract.FrameworkId ?? commissioner.FrameworkId ?? throw new ValidationException("frameworkId",
            $"Organisation '{commissioner.Id}' has adopted no framework; name one in 'frameworkId' or adopt one (PUT /api/organisations/{commissioner.Id}/framework).");
        await EnsureFrameworkAsync(frameworkId);
        var now = time.GetUtcNow();
        var hasDefault = options.DefaultWeightings.TryGetValue(commissioner.Type, out var weighting) && options.WeightingRange.Contains(weighting);
        contract.State = new ContractState
        {
            OrganisationId = commissioner.Id,
            Title = newContract.Title,
            Value = newContract.Value,
            FrameworkId = frameworkId,
            Status = Workflow.InitialState,
            Weighting = hasDefault ? weighting : null,
            WeightingIsDefault = hasDefault,
            CreatedAt = now,
        };
        return await SaveAsync();
    }

    public Task<ContractDetails> GetAsync() => Task.FromResult(Details());

    public Task<TransitionOptions> GetTransitionsAsync()
    {
        EnsureExists();
        return Workflow.GetTransitionsAsync();
    }

    public Task<string> GetDiagramAsync() => Task.FromResult(ContractWorkflow.Diagram.ToMermaid());

    public async Task<ContractDetails> FireAsync(TransitionRequest request, VersionCondition? expected)
    {
        EnsureVersion(expected);
        var fired = await Workflow.FireAsync(request, time.GetUtcNow());
        if (fired.To == ContractStatus.Tendering && State.LeadTimeShort())
        {
            // Step 6's warning, acknowledged, stays in the history with the transition.
            var warning = $"Published with {State.LeadTimeMonths()} months' lead time to the planned service start ({State.PlannedServiceStart:yyyy-MM-dd}), "
                + $"under the {TwelveSteps.LeadTimeMonths} months step 6 asks for; acknowledged";
            State.History[^1] = fired.Record with { Reason = fired.Record.Reason is { } reason ? $"{warning}: {reason}" : warning };
        }
        var scheduled = State.ReturnsDueJob;
        State.ReturnsDueJob = State.Status == ContractStatus.Live
            ? deadlines.Schedule<IContractGrain>(Key, ReturnsDueDeadline, State.ReturnsDue[^1].DueAt, scheduled)
            : null;
        var details = await SaveAsync();
        deadlines.Release(scheduled, State.ReturnsDueJob);
        return details;
    }

    public async Task<ContractDetails> SpecifyAsync(
        IReadOnlyList<string> outcomeIds, IReadOnlyList<string> measureIds, IReadOnlyList<string> contractTermOutcomeIds, VersionCondition? expected)
    {
        EnsureVersion(expected);
        EnsureState(ContractStatus.Specification, "The specification can be changed only in Specification");
        var frameworkId = State.FrameworkId ?? (await Commissioner(State.OrganisationId)).FrameworkId
            ?? throw new ValidationException("specification",
                $"Organisation '{State.OrganisationId}' has adopted no framework; adopt one (PUT /api/organisations/{State.OrganisationId}/framework) before choosing outcomes and measures.");
        var framework = await GrainFactory.GetGrain<IFrameworkGrain>(frameworkId).GetAsync();
        var outcomes = framework.Themes.SelectMany(t => t.Outcomes).ToDictionary(o => o.Id);
        var measures = outcomes.Values.SelectMany(o => o.Measures).ToDictionary(m => m.Id);
        var errors = new Dictionary<string, string[]>();
        string[] unknownOutcomes = [.. outcomeIds.Where(id => !outcomes.ContainsKey(id))];
        if (unknownOutcomes.Length > 0)
        {
            errors["outcomeIds"] = [.. unknownOutcomes.Select(id => $"Framework '{frameworkId}' has no outcome '{id}'.")];
        }
        var measureErrors = measureIds.Select(id => !measures.TryGetValue(id, out var measure)
                ? $"Framework '{frameworkId}' has no measure '{id}'."
                : outcomeIds.Contains(measure.OutcomeId) ? null
                : $"Measure '{id}' serves outcome '{measure.OutcomeId}', which is not in the specification.")
            .OfType<string>().ToArray();
        if (measureErrors.Length > 0)
        {
            errors["measureIds"] = measureErrors;
        }
        string[] termErrors = [.. contractTermOutcomeIds.Where(id => !outcomeIds.Contains(id))
            .Select(id => $"Outcome '{id}' is not in the specification; only a specified outcome can be a contract term.")];
        if (termErrors.Length > 0)
        {
            errors["contractTermOutcomeIds"] = termErrors;
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
        State.FrameworkId = frameworkId;
        State.OutcomeIds = [.. outcomeIds.Distinct()];
        State.MeasureIds = [.. measureIds.Distinct()];
        State.ContractTermOutcomeIds = [.. contractTermOutcomeIds.Distinct()];
        return await SaveAsync();
    }

    public async Task<ContractDetails> SetTenderAsync(decimal socialValueWeighting, VersionCondition? expected)
    {
        EnsureVersion(expected);
        EnsureState(ContractStatus.Specification, "The social value weighting is fixed once the tender is published; it can be set only in Specification");
        var range = options.WeightingRange;
        if (!range.Contains(socialValueWeighting))
        {
            throw new ValidationException("socialValueWeighting",
                $"The social value weighting is a fraction (0.3 is 30%) and must be between {range.Min} and {range.Max}.");
        }
        State.Weighting = socialValueWeighting;
        State.WeightingIsDefault = false;
        return await SaveAsync();
    }

    public async Task<Versioned<IReadOnlyList<BidDetails>>> SubmitBidsAsync(IReadOnlyList<NewBid> bids, VersionCondition? expected)
    {
        EnsureVersion(expected);
        EnsureState(ContractStatus.Tendering, "Bids are received only while Tendering");
        if (State.Bids.Count + bids.Count > options.MaxBids)
        {
            throw new ValidationException("bids",
                $"A contract holds at most {options.MaxBids} bids; it has {State.Bids.Count}, and these are {bids.Count} more.");
        }
        var now = time.GetUtcNow();
        var taken = State.Bids.Select(b => b.Id).ToHashSet();
        var specified = State.MeasureIds.ToHashSet();
        var measures = (await Framework.GetAsync()).Themes.SelectMany(t => t.Outcomes).SelectMany(o => o.Measures)
            .Where(m => specified.Contains(m.Id)).ToDictionary(m => m.Id);
        var errors = new Dictionary<string, List<string>>();
        var accepted = new List<BidDetails>();
        foreach (var (bid, index) in bids.Select((b, i) => (b, i)))
        {
            var field = bid.Source ?? (bids.Count == 1 ? "" : $"bids[{index}].");
            var id = bid.Id ?? NewBidId(taken);
            if (!taken.Add(id))
            {
                throw new ConflictException($"Contract '{Key}' has a bid '{id}' already{(bid.Source is null ? "" : $" ({bid.Source})")}.");
            }
            // A bid commits at most once to each measure of the specification, so a longer list is refused unread, and
            // each commitment is checked in constant time: a bid of any size costs the contract linear time at most.
            if (bid.Commitments.Count > specified.Count)
            {
                AddError(errors, bid.Source ?? $"{field}commitments",
                    $"The bid makes {bid.Commitments.Count} commitments; the specification has {specified.Count} measures, and a bid commits to each at most once.");
            }
            else
            {
                var committed = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (commitment, position) in bid.Commitments.Select((c, i) => (c, i)))
                {
                    var commitmentField = commitment.Source ?? $"{field}commitments[{position}].measureId";
                    if (!specified.Contains(commitment.MeasureId))
                    {
                        AddError(errors, commitmentField,
                            $"Measure '{commitment.MeasureId}' is not in the specification; commitments can be made on {string.Join(", ", State.MeasureIds.DefaultIfEmpty("(none)"))}.");
                    }
                    if (!committed.Add(commitment.MeasureId))
                    {
                        AddError(errors, commitmentField, $"The bid commits to measure '{commitment.MeasureId}' more than once.");
                    }
                    if (measures.TryGetValue(commitment.MeasureId, out var measure))
                    {
                        foreach (var problem in LineInputs.OfCommitment(measure, commitment.Inputs))
                        {
                            AddError(errors, commitment.Source ?? $"{field}commitments[{position}].inputs", problem);
                        }
                    }
                }
            }
            if (bid.SupplierOrganisationId is { } supplierId && !await OrganisationExists(supplierId))
            {
                AddError(errors, bid.Source ?? $"{field}supplierOrganisationId", $"There is no organisation '{supplierId}'.");
            }
            accepted.Add(new BidDetails(id, bid.Supplier, bid.SupplierOrganisationId, bid.Price,
                [.. bid.Commitments.Select(c => new Commitment(c.MeasureId, c.Target, c.Inputs is { Count: > 0 } inputs ? inputs : null))], bid.Answers, now, null, null, null, null, null));
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors.ToDictionary(e => e.Key.TrimEnd('.'), e => e.Value.ToArray()));
        }
        State.Bids.AddRange(accepted);
        return new(accepted, (await SaveAsync()).ETag);
    }

    public async Task<Versioned<BidDetails>> ScoreBidAsync(string bidId, BidScores scores, string actor, VersionCondition? expected)
    {
        EnsureVersion(expected);
        var index = State.Bids.FindIndex(b => b.Id == bidId);
        if (index < 0)
        {
            throw new NotFoundException($"Contract '{Key}' has no bid '{bidId}'.");
        }
        EnsureState(ContractStatus.Evaluation, "Bids are scored only in Evaluation");
        var version = State.ScoreFormulaVersion ?? (await ScoreFormula.GetCurrentAsync()).Version;
        var score = await ScoreFormula.EvaluateAsync(version, scores);
        var weighted = score * State.Weighting!.Value;
        var scored = State.Bids[index] with
        {
            Scores = scores,
            SocialValueScore = score,
            WeightedScore = weighted,
            ScoreFormulaVersion = version,
            ScoredBy = actor,
        };
        State.Bids[index] = scored;
        return new(scored, (await SaveAsync()).ETag);
    }

    public Task<IReadOnlyList<BidDetails>> GetBidsAsync()
    {
        EnsureExists();
        return Task.FromResult<IReadOnlyList<BidDetails>>(
        [
            .. State.Bids
                .OrderBy(b => b.WeightedScore is null)
                .ThenByDescending(b => b.WeightedScore)
                .ThenBy(b => b.Price)
                .ThenBy(b => b.Id, StringComparer.Ordinal),
        ]);
    }

    public async Task<Versioned<ReturnDetails>> SubmitReturnAsync(NewReturn newReturn, VersionCondition? expected)
    {
        EnsureVersion(expected);
        EnsureState(ContractStatus.Live, "Returns are accepted only while the contract is Live");
        if (!Quarter.TryParse(newReturn.Period, out var period))
        {
            throw new ValidationException("period", $"'{newReturn.Period}' is not a quarter; write it YYYY-Qn, e.g. 2026-Q3.");
        }
        var firstPeriod = Quarter.Of(DateOnly.FromDateTime(State.LiveFrom!.Value.UtcDateTime));
        if (period.CompareTo(firstPeriod) < 0)
        {
            throw new ValidationException("period", $"The contract went live in {firstPeriod}; a return cannot be for {period}.");
        }
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (period.Start > today)
        {
            throw new ValidationException("period", $"{period} has not begun (it starts on {period.Start:yyyy-MM-dd}); a return reports a quarter under way or past.");
        }
        if (State.Returns.FirstOrDefault(r => r.Period == period.ToString() && r.Status != ReturnStatus.Rejected) is { } existing)
        {
            throw new ConflictException($"Return '{existing.Id}' for {period} exists already and is {existing.Status}; only a rejected return can be replaced.");
        }
        var id = newReturn.Id ?? NewReturnId();
        if (State.Returns.Any(r => r.Id == id))
        {
            throw new ConflictException($"Contract '{Key}' has a return '{id}' already.");
        }
        var lines = await ValueLinesAsync(newReturn.Lines, period);
        var submitted = new ReturnDetails(id, period.ToString(), ReturnStatus.Submitted, lines, newReturn.Author, time.GetUtcNow(), null);
        State.Returns.Add(submitted);
        var due = State.ReturnsDue.FindIndex(d => d.Period == submitted.Period);
        if (due >= 0)
        {
            State.ReturnsDue[due] = State.ReturnsDue[due] with { Status = ReturnDueStatus.Received };
        }
        return new(submitted, (await SaveAsync()).ETag);
    }

    public async Task<Versioned<ReturnDetails>> VerifyReturnAsync(string returnId, bool accepted, string? comment, string actor, VersionCondition? expected)
    {
        EnsureVersion(expected);
        var index = State.Returns.FindIndex(r => r.Id == returnId);
        if (index < 0)
        {
            throw new NotFoundException($"Contract '{Key}' has no return '{returnId}'.");
        }
        var submitted = State.Returns[index];
        if (submitted.Status != ReturnStatus.Submitted)
        {
            throw new ConflictException($"Return '{returnId}' was {submitted.Status} already; a verification is final.");
        }
        if (!accepted && string.IsNullOrWhiteSpace(comment))
        {
            throw new ValidationException("comment", "A rejection needs a comment telling the supplier what to put right.");
        }
        var verified = submitted with
        {
            Status = accepted ? ReturnStatus.Accepted : ReturnStatus.Rejected,
            Verification = new ReturnVerification(accepted, comment, actor, time.GetUtcNow()),
        };
        State.Returns[index] = verified;
        return new(verified, (await SaveAsync()).ETag);
    }

    public Task<IReadOnlyList<ReturnDetails>> GetReturnsAsync()
    {
        EnsureExists();
        return Task.FromResult<IReadOnlyList<ReturnDetails>>([.. State.Returns.OrderBy(r => r.Period, StringComparer.Ordinal).ThenBy(r => r.SubmittedAt)]);
    }

    public Task<SocialValueTotals> GetSocialValueAsync(int? year)
    {
        EnsureExists();
        return Task.FromResult(SocialValueLedger.Totals(Key, State, year, options.DiscountRate));
    }

    public async Task<ContractDetails> SetPlanningAsync(DateOnly? plannedServiceStart, bool? breakClauseCoversSocialValue, VersionCondition? expected)
    {
        EnsureVersion(expected);
        if (State.Status is ContractStatus.Completed or ContractStatus.Terminated or ContractStatus.Cancelled)
        {
            throw new ConflictException($"Contract '{Key}' is {State.Status}; its planning is closed.");
        }
        State.PlannedServiceStart = plannedServiceStart ?? State.PlannedServiceStart;
        State.BreakClauseCoversSocialValue = breakClauseCoversSocialValue ?? State.BreakClauseCoversSocialValue;
        return await SaveAsync();
    }

    public async Task<ContractDetails> UpdateStepAsync(int number, StepUpdate update, VersionCondition? expected)
    {
        EnsureVersion(expected);
        if (number < 1 || number > TwelveSteps.All.Count)
        {
            throw new NotFoundException($"The planning checklist has steps 1 to {TwelveSteps.All.Count}, not {number}.");
        }
        var step = State.Steps.GetValueOrDefault(number) ?? new StepProgress(ActionStatus.NotStarted, null, null);
        State.Steps[number] = new StepProgress(update.Status ?? step.Status, update.Owner ?? step.Owner, update.Date ?? step.Date);
        return await SaveAsync();
    }

    public async Task<ContractDetails> SetAdjustmentsAsync(string measureId, SroiAdjustments? adjustments, VersionCondition? expected)
    {
        EnsureVersion(expected);
        if (!State.MeasureIds.Contains(measureId))
        {
            throw new NotFoundException($"Contract '{Key}' does not specify measure '{measureId}'; its measures are {string.Join(", ", State.MeasureIds)}.");
        }
        if (adjustments is null)
        {
            State.Adjustments.Remove(measureId);
        }
        else
        {
            State.Adjustments[measureId] = adjustments;
        }
        return await SaveAsync();
    }

    public Task<PerformanceReview> GetPerformanceAsync()
    {
        EnsureExists();
        return Task.FromResult(SocialValueLedger.Review(Key, State, options.ShortfallThreshold, time.GetUtcNow()));
    }

    public async Task OnDeadlineAsync(string deadline, string jobId)
    {
        if (deadline.StartsWith(RemedyDueDeadline, StringComparison.Ordinal))
        {
            await OnRemedyDueAsync(deadline, jobId);
            return;
        }
        var now = time.GetUtcNow();
        if (deadline != ReturnsDueDeadline || !contract.RecordExists || State.Status != ContractStatus.Live || jobId != State.ReturnsDueJob?.JobId)
        {
            return;
        }
        while (State.ReturnsDue[^1].DueAt <= now + Deadlines.Tolerance)
        {
            var last = State.ReturnsDue[^1];
            Quarter.TryParse(last.Period, out var period);
            State.ReturnsDue.Add(Due(period.Next(), last.DueAt + options.ReturnPeriod));
        }
        for (var i = 0; i < State.ReturnsDue.Count; i++)
        {
            if (State.ReturnsDue[i] is { Status: ReturnDueStatus.Due } due && due.DueAt <= now + Deadlines.Tolerance)
            {
                State.ReturnsDue[i] = due with { Status = ReturnDueStatus.Overdue, MarkedOverdueAt = now };
            }
        }
        // The job calling now ends by itself (deleting it while it runs would abort it); a new one waits for the next
        // quarter's return, or, when this one ran early, for this quarter's.
        State.ReturnsDueJob = deadlines.Schedule<IContractGrain>(Key, ReturnsDueDeadline, State.ReturnsDue[^1].DueAt, null);
        await SaveAsync();
    }

    private IBidScoreFormulaGrain ScoreFormula => GrainFactory.GetGrain<IBidScoreFormulaGrain>(IBidScoreFormulaGrain.Default);

    private async Task AwardAsync(string bidId)
    {
        var bid = State.Bids.Single(b => b.Id == bidId);
        var framework = await GrainFactory.GetGrain<IFrameworkGrain>(State.FrameworkId!).GetAsync();
        var now = time.GetUtcNow();
        var terms = new List<SocialValueTerm>();
        foreach (var commitment in bid.Commitments)
        {
            var (theme, outcome, measure) = framework.Themes
                .SelectMany(t => t.Outcomes.SelectMany(o => o.Measures.Select(m => (t, o, m))))
                .First(found => found.m.Id == commitment.MeasureId);
            var (value, note) = await CommittedValueAsync(commitment, measure, now);
            terms.Add(new SocialValueTerm(measure.Id, measure.Title, measure.Unit, theme.Id, theme.Name, outcome.Id, outcome.Name,
                commitment.Target, measure.Formula.Version, value, note, measure.Direction, measure.Figure,
                State.ContractTermOutcomeIds.Contains(outcome.Id) ? TermKind.ContractTerm : TermKind.Kpi, measure.Adjustments));
        }
        State.Terms = terms;
        State.Award = new AwardDetails(bid.Id, bid.Supplier, bid.SupplierOrganisationId, bid.Price, now, bid.Answers);
    }

    private async Task<(decimal? Value, string? Note)> CommittedValueAsync(Commitment commitment, MeasureDetails measure, DateTimeOffset at)
    {
        if (!MeasureFigure.Adds(measure.Figure))
        {
            return (null, $"The target is a figure in {measure.Unit} worked out from what each return reports, which the formula cannot value on its own; delivered value comes from the returns.");
        }
        try
        {
            var result = await Framework.ValueAsync(commitment.MeasureId, new EvaluationRequest(
                commitment.Target, commitment.Target, State.Value, commitment.Inputs ?? new Dictionary<string, decimal>(), measure.Formula.Version, DateOnly.FromDateTime(at.UtcDateTime)));
            return (result.Gbp, result.UnvaluedReason);
        }
        catch (FormulaEvaluationException e)
        {
            return (null, $"The target cannot be valued on its own: {e.Message}; delivered value comes from the returns.");
        }
    }

    private void GoLive(DateTimeOffset at)
    {
        State.LiveFrom = at;
        State.ReturnsDue = [Due(Quarter.Of(DateOnly.FromDateTime(at.UtcDateTime)), at + options.ReturnPeriod)];
    }

    private ReturnDue Due(Quarter period, DateTimeOffset dueAt)
    {
        var received = State.Returns.Any(r => r.Period == period.ToString() && r.Status != ReturnStatus.Rejected);
        return new ReturnDue(period.ToString(), dueAt, received ? ReturnDueStatus.Received : ReturnDueStatus.Due, null);
    }

    private async Task<IReadOnlyList<ReturnLine>> ValueLinesAsync(IReadOnlyList<NewReturnLine> lines, Quarter period)
    {
        var errors = new Dictionary<string, List<string>>();
        var valued = new List<ReturnLine>();
        foreach (var (line, index) in lines.Select((l, i) => (l, i)))
        {
            var field = $"lines[{index}]";
            var term = State.Terms.FirstOrDefault(t => t.MeasureId == line.MeasureId);
            if (term is null)
            {
                AddError(errors, $"{field}.measureId",
                    $"Measure '{line.MeasureId}' is not committed on this contract; returns cover {string.Join(", ", State.Terms.Select(t => t.MeasureId))}.");
                continue;
            }
            if (lines.Take(index).Any(l => l.MeasureId == line.MeasureId))
            {
                AddError(errors, $"{field}.measureId", $"The return reports measure '{line.MeasureId}' more than once.");
                continue;
            }
            if (line.Quantity < 0)
            {
                AddError(errors, $"{field}.quantity", "A quantity delivered cannot be negative.");
                continue;
            }
            var inputs = line.Inputs ?? new Dictionary<string, decimal>();
            var inputProblems = LineInputs.Problems(
                await Framework.GetInputsAsync(line.MeasureId, term.FormulaVersion), inputs, line.MeasureId, term.FormulaVersion, "The line");
            if (inputProblems.Count > 0)
            {
                errors[$"{field}.inputs"] = [.. inputProblems];
                continue;
            }
            try
            {
                var result = await Framework.ValueAsync(line.MeasureId,
                    new EvaluationRequest(line.Quantity, term.Target, State.Value, inputs, term.FormulaVersion, period.Start));
                valued.Add(new ReturnLine(line.MeasureId, line.Quantity, inputs, line.Evidence, result.Gbp, result.Version, result.At,
                    result.Units, result.UnvaluedReason));
            }
            catch (FormulaEvaluationException e)
            {
                AddError(errors, field, $"The line cannot be valued with formula version {term.FormulaVersion} of '{line.MeasureId}': {e.Message}.");
            }
        }
        if (errors.Count > 0)
        {
            throw new ValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
        return valued;
    }

    private IFrameworkGrain Framework => GrainFactory.GetGrain<IFrameworkGrain>(State.FrameworkId!);

    private async Task EnsureFrameworkAsync(string frameworkId)
    {
        try
        {
            await GrainFactory.GetGrain<IFrameworkGrain>(frameworkId).GetAsync();
        }
        catch (NotFoundException)
        {
            throw new ValidationException("frameworkId", $"There is no framework '{frameworkId}'.");
        }
    }

    private async Task<OrganisationDetails> Commissioner(string organisationId)
    {
        try
        {
            return await GrainFactory.GetGrain<IOrganisationGrain>(organisationId).GetAsync();
        }
        catch (NotFoundException)
        {
            throw new ValidationException("organisationId", $"There is no organisation '{organisationId}'.");
        }
    }

    private async Task<bool> OrganisationExists(string organisationId)
    {
        if (!Slug.IsValid(organisationId))
        {
            return false;
        }
        try
        {
            await GrainFactory.GetGrain<IOrganisationGrain>(organisationId).GetAsync();
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    private string NewBidId(HashSet<string> taken) => NewId("bid", State.Bids.Count, taken);

    private string NewReturnId() => NewId("return", State.Returns.Count, State.Returns.Select(r => r.Id).ToHashSet());

    private static string NewId(string prefix, int count, HashSet<string> taken)
    {
        var id = $"{prefix}-{count + 1}";
        while (taken.Contains(id))
        {
            id = $"{prefix}-{Slug.Random()[..6]}";
        }
        return id;
    }

    private static void AddError(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }
        messages.Add(message);
    }

    private void EnsureState(ContractStatus required, string rule)
    {
        if (State.Status != required)
        {
            throw new ConflictException($"{rule}; contract '{Key}' is {State.Status}.");
        }
    }

    private void EnsureVersion(VersionCondition? expected)
    {
        EnsureExists();
        VersionCondition.Check(expected, contract.Etag);
    }

    private void EnsureExists()
    {
        if (!contract.RecordExists)
        {
            throw new NotFoundException($"There is no contract '{Key}'.");
        }
    }

    private async Task<ContractDetails> SaveAsync()
    {
        State.UpdatedAt = time.GetUtcNow();
        await contract.WriteStateAsync();
        await FollowUpAsync("index", () => GrainFactory.GetGrain<IContractIndexGrain>(State.OrganisationId).UpsertAsync(Summary()));
        if (State.Award?.SupplierOrganisationId is { } supplier && supplier != State.OrganisationId)
        {
            await FollowUpAsync("supplier-index", () => GrainFactory.GetGrain<IContractIndexGrain>(supplier).UpsertAsync(Summary()));
        }
        return Details();
    }

    private ContractSummary Summary() => new(Key, State.Title, State.OrganisationId, State.Value, State.Status, State.FrameworkId,
        State.Award?.Supplier, State.Award?.SupplierOrganisationId);

    private ContractDetails Details()
    {
        EnsureExists();
        var s = State;
        return new ContractDetails(Key, s.OrganisationId, s.Title, s.Value, s.FrameworkId, s.Status,
            new SpecificationDetails(s.OutcomeIds, s.MeasureIds, s.ContractTermOutcomeIds),
            new TenderDetails(s.Weighting, s.WeightingIsDefault, s.ScoreFormulaVersion),
            s.Award, s.Terms, s.LiveFrom, s.ReturnsDue, s.History, s.CreatedAt, s.UpdatedAt, contract.Etag!,
            new PlanningDetails(s.PlannedServiceStart, s.LeadTimeMonths(), s.LeadTimeShort(), s.BreakClauseCoversSocialValue,
                [.. TwelveSteps.All.Select((text, i) => s.Steps.GetValueOrDefault(i + 1) is { } step
                    ? new PlanningStep(i + 1, text, step.Status, step.Owner, step.Date)
                    : new PlanningStep(i + 1, text, ActionStatus.NotStarted, null, null))]),
            [.. s.Remedies.Select(r => new RemedySummary(r.Id, r.MeasureId, r.Status, r.DueDate))], s.ExtensionFlags);
    }
}
