// Compiled at test time together with the C# client NSwag generates from the served document (OpenApiClientTests), so it
// is not part of the test project: API.md's journey through the generated client alone, with no cast and no hand-written
// request.
using System;
using System.IO;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using SocialValue.Generated;

public static class Journey
{
    public static async Task<string> RunAsync(Uri baseAddress, string adminKey)
    {
        var admin = Client(baseAddress, adminKey);
        var quarter = $"{DateTime.UtcNow.Year}-Q{(DateTime.UtcNow.Month - 1) / 3 + 1}";

        // Organisations and the keys the journey acts with.
        var council = await admin.CreateOrganisationAsync(new OrganisationRequest
        {
            Id = "cs-council", Name = "Csharp Borough Council", Type = OrganisationType.LocalAuthority, Place = "Sefton",
        });
        var supplier = await admin.CreateOrganisationAsync(new OrganisationRequest
        {
            Id = "cs-supplier", Name = "Generated Care Ltd", Type = OrganisationType.BusinessAndIndustry, Place = "Sefton",
        });
        async Task<SocialValueClient> KeyAsync(Role role, string organisationId)
        {
            var created = await admin.CreateKeyAsync(new CreateKeyRequest { Name = $"{role} of {organisationId}", Role = role, OrganisationId = organisationId });
            return Client(baseAddress, created.Key);
        }
        var officer = await KeyAsync(Role.Officer, council.Id);
        var champion = await KeyAsync(Role.Champion, council.Id);
        var supplierKey = await KeyAsync(Role.Supplier, supplier.Id);
        var applicant = await KeyAsync(Role.Officer, supplier.Id);

        // Maturity: an assessment of the ten dimensions, and the plan it gives.
        var model = await officer.GetModelAsync();
        var assessed = await officer.AssessAsync(council.Id, new AssessmentRequest
        {
            Dimensions = [.. model.Dimensions.Select(d => new DimensionRequest
            {
                Code = d.Code, Present = DimensionRequestPresent.Follower, Target = DimensionRequestTarget.Mature,
            })],
        });
        Expect(assessed.Dimensions.Count == 10, "ten assessed dimensions");
        var dimension = await officer.GetMaturityDimensionTransitionsAsync(council.Id, "A");
        Expect(dimension.State == MaturityLevel.Follower, "dimension A at Follower");
        using (var plan = await officer.GetActionPlanAsync(council.Id, "csv"))
        {
            using var csv = new StreamReader(plan.Stream);
            Expect((await csv.ReadLineAsync())?.Contains(',', StringComparison.Ordinal) == true, "an action plan as CSV");
        }

        // A framework of the council's own, its measure valued by a formula, checked and evaluated.
        var check = await admin.CheckFormulaAsync(new FormulaRequest { Source = "Quantity * 1000" });
        Expect(check.Ok && check.Diagnostics.Count == 0, "the formula compiles");
        var framework = await admin.CreateFrameworkAsync(new CreateFrameworkRequest { Id = "cs-framework", Name = "Generated social value" });
        var theme = await admin.AddThemeAsync(framework.Id, new AddThemeRequest { Id = "jobs", Name = "Jobs" });
        var outcome = await admin.AddOutcomeAsync(framework.Id, theme.Id, new AddOutcomeRequest { Id = "local-jobs", Name = "More local people in work" });
        var measure = await admin.AddMeasureAsync(framework.Id, new AddMeasureRequest
        {
            Id = "new-jobs", ThemeId = theme.Id, OutcomeId = outcome.Id, Title = "New local jobs", Unit = "FTE", Formula = "Quantity * 1000",
        });
        var evaluated = await officer.EvaluateAsync(framework.Id, measure.Id, new EvaluateRequest { Quantity = 2 });
        Expect(evaluated.Value == 2000, "2 jobs valued at £2,000");
        await officer.AdoptFrameworkAsync(council.Id, new AdoptFrameworkRequest { FrameworkId = framework.Id });

        // A contract through the commissioning cycle.
        var contract = await officer.CreateContractAsync(new CreateContractRequest
        {
            Id = "cs-contract", OrganisationId = council.Id, Title = "Home care", Value = 1_000_000, FrameworkId = framework.Id,
        });
        var id = contract.Id;
        Task<ContractResponse> Fire(ContractTrigger trigger, string? bidId = null) =>
            officer.FireContractTransitionAsync(id, new ContractTransitionRequest { Trigger = trigger, BidId = bidId });
        await Fire(ContractTrigger.AnalyseNeeds);
        await Fire(ContractTrigger.Consult);
        await Fire(ContractTrigger.Specify);
        await officer.SpecifyAsync(id, new SpecificationRequest { OutcomeIds = [outcome.Id], MeasureIds = [measure.Id] });
        await officer.SetTenderAsync(id, new TenderRequest { SocialValueWeighting = 0.2 });
        var tendering = await Fire(ContractTrigger.PublishTender);
        Expect(tendering.State == ContractStatus.Tendering, "the contract tendering");
        var bid = await officer.SubmitBidAsync(id, new BidRequest
        {
            Id = "generated-bid",
            Supplier = supplier.Name,
            SupplierOrganisationId = supplier.Id,
            Price = 900_000,
            Commitments = [new CommitmentRequest { MeasureId = measure.Id, Target = 12 }],
            Answers = new AnswersRequest { Delivery = "Local recruitment", Measurement = "Payroll postcodes" },
        });
        await officer.SubmitBidAsync(id, new BidRequest
        {
            Supplier = "Other Care Ltd", Price = 800_000, Answers = new AnswersRequest { Delivery = "None", Measurement = "None" },
        });
        var transitions = await officer.GetContractTransitionsAsync(id);
        Expect(transitions.Permitted.Any(p => p.Trigger == ContractTrigger.CloseTender && p.To == nameof(ContractStatus.Evaluation)), "CloseTender permitted");
        await Fire(ContractTrigger.CloseTender);
        await officer.ScoreBidAsync(id, bid.Id, new ScoresRequest { Delivery = 4, Measurement = 5 });
        var ranked = await officer.ListBidsAsync(id);
        Expect(ranked.Count == 2, "two bids listed");
        await Fire(ContractTrigger.Award, bid.Id);
        var live = await Fire(ContractTrigger.GoLive);
        Expect(live.State == ContractStatus.Live, "the contract live");
        var diagram = await officer.GetContractWorkflowAsync(id);
        Expect(diagram.Contains("Tendering", StringComparison.Ordinal), "a Mermaid diagram");

        // The winning supplier's return, verified by the commissioner; social value and performance read.
        var submitted = await supplierKey.SubmitReturnAsync(id, new ReturnRequest
        {
            Period = quarter, Lines = [new ReturnLineRequest { MeasureId = measure.Id, Quantity = 3, Evidence = "Payroll extract" }],
        });
        var verified = await officer.VerifyReturnAsync(id, submitted.Id, new VerificationRequest { Accepted = true, Comment = "Checked against payroll" });
        Expect(verified.Status == ReturnStatus.Accepted, "the return accepted");
        var value = await supplierKey.GetSocialValueAsync(id, null);
        Expect(value.Measures.Any(m => m.MeasureId == measure.Id && m.DeliveredValue == 3000), "£3,000 delivered on the measure");
        await officer.GetPerformanceAsync(id);

        // A Kite Mark application with evidence for every theme and must-do, submitted, reviewed and awarded.
        var application = await applicant.CreateApplicationAsync(new CreateApplicationRequest
        {
            OrganisationId = supplier.Id, AwardingBodyId = council.Id, ConsentToPublish = false,
        });
        var scheme = await applicant.GetSchemeAsync(application.SchemeId);
        var evidenceIds = new List<string>();
        foreach (var criterion in scheme.Themes.SelectMany(t => t.Criteria.Where((c, i) => c.MustDo || i == 0)))
        {
            var evidence = await applicant.AddEvidenceAsync(application.Id, new EvidenceRequest
            {
                CriterionId = criterion.Id, Description = $"How we meet {criterion.Id}", Link = "https://example.org/evidence",
            });
            evidenceIds.Add(evidence.Id);
        }
        await applicant.SetConsentAsync(application.Id, new ConsentRequest { ConsentToPublish = true });
        Task<ApplicationResponse> FireApplication(SocialValueClient actor, KiteMarkTrigger trigger) =>
            actor.FireKiteMarkApplicationTransitionAsync(application.Id, new ApplicationTransitionRequest { Trigger = trigger });
        await FireApplication(applicant, KiteMarkTrigger.Submit);
        await FireApplication(champion, KiteMarkTrigger.StartReview);
        foreach (var evidenceId in evidenceIds)
        {
            await champion.ReviewEvidenceAsync(application.Id, evidenceId, new ReviewRequest { Accepted = true, Comment = "Meets the criterion" });
        }
        var awarded = await FireApplication(champion, KiteMarkTrigger.Award);
        Expect(awarded.State == KiteMarkState.Awarded && awarded.ValidUntil is not null, "the application awarded");
        var register = await new SocialValueClient(new HttpClient { BaseAddress = baseAddress }).GetRegisterAsync(null, null);
        Expect(register.Any(h => h.ApplicationId == application.Id), "the holder on the public register");

        return $"contract {live.State}, application {awarded.State}";
    }

    private static SocialValueClient Client(Uri baseAddress, string key)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return new SocialValueClient(http);
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Expected {what}.");
        }
    }
}
