using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SocialValue.Contracts;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Contracts;

/// <summary>Guards, bad input, concurrency, versions, CSV import and access to contracts over HTTP on a real SQLite file.</summary>
public sealed class ContractsApiTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestSilo _silo = null!;
    private Commissioning _cycle = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.Sqlite();
        _silo = await TestSilo.StartAsync(_database, ["--Contracts:ReturnPeriod=00:00:02"]);
        _cycle = new Commissioning(_silo.Client());
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Every_guard_blocks_with_its_reason_and_lists_the_trigger_as_blocked()
    {
        await _cycle.SetUpAsync(councilType: "Vcfse");
        await _cycle.CreateContractAsync("guarded");
        await _cycle.FireOkAsync("guarded", "AnalyseNeeds");
        await _cycle.FireOkAsync("guarded", "Consult");
        await _cycle.FireOkAsync("guarded", "Specify");
        await AssertBlockedAsync("PublishTender", ContractWorkflow.NeedsOutcome, ContractWorkflow.NeedsWeighting);

        (await _cycle.Admin.PutAsJsonAsync("/api/contracts/guarded/specification", new { outcomeIds = new[] { "local-jobs" }, measureIds = new[] { "new-jobs" } }))
            .EnsureSuccessStatusCode();
        await AssertBlockedAsync("PublishTender", ContractWorkflow.NeedsWeighting);
        (await _cycle.Admin.PutAsJsonAsync("/api/contracts/guarded/tender", new { socialValueWeighting = 0.2 })).EnsureSuccessStatusCode();
        await _cycle.FireOkAsync("guarded", "PublishTender");

        await AssertBlockedAsync("CloseTender", ContractWorkflow.NeedsBid);
        await _cycle.BidAsync("guarded", "no-commitments", "Promises Ltd", 100m, []);
        await _cycle.FireOkAsync("guarded", "CloseTender");

        await AssertBlockedAsync("Award", ContractWorkflow.NeedsScoredBid);
        var named = await (await _cycle.FireAsync("guarded", "Award", new { bidId = "no-such-bid" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(ContractWorkflow.AwardNamesScoredBid, Reasons(named));
        (await _cycle.ScoreAsync("guarded", "no-commitments", 1, 1)).EnsureSuccessStatusCode();
        await _cycle.FireOkAsync("guarded", "Award", new { bidId = "no-commitments" });

        await AssertBlockedAsync("GoLive", ContractWorkflow.NeedsCommitments);
        var returned = await (await _cycle.Admin.PostAsJsonAsync("/api/contracts/guarded/returns",
            new { period = Commissioning.Period(0), lines = new[] { new { measureId = "new-jobs", quantity = 1 } } })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("only while the contract is Live", returned.GetProperty("detail").GetString());
        var cancel = await (await _cycle.FireAsync("guarded", "Cancel", new { reason = "too late" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("Cancel is not permitted while in state Awarded", Reasons(cancel)[0]);
    }

    [Fact]
    public async Task Cancel_before_the_award_needs_a_reason_and_records_it()
    {
        await _cycle.SetUpAsync();
        await _cycle.CreateContractAsync("cancelled");

        await (await _cycle.FireAsync("cancelled", "Cancel")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var cancelled = await _cycle.FireOkAsync("cancelled", "Cancel", new { reason = "the service moved in house" });

        Assert.Equal("Cancelled", cancelled.GetProperty("state").GetString());
        Assert.Equal("the service moved in house", cancelled.GetProperty("history")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_winning_bid_makes_the_contract_its_commitments_are_kpis_or_contract_terms_and_its_answers_are_terms()
    {
        await _cycle.SetUpAsync();
        await _cycle.CreateContractAsync("terms");
        await _cycle.SpecifyAsync("terms");
        var notSpecified = await (await _cycle.Admin.PutAsJsonAsync("/api/contracts/terms/specification", new
        {
            outcomeIds = new[] { "local-jobs" }, measureIds = new[] { "new-jobs" }, contractTermOutcomeIds = new[] { "less-carbon" },
        })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("less-carbon", notSpecified.GetProperty("errors").GetProperty("contractTermOutcomeIds")[0].GetString());
        // Carbon cannot be linked to the subject matter of a home care contract: it becomes a contract term.
        var specified = await (await _cycle.Admin.PutAsJsonAsync("/api/contracts/terms/specification", new
        {
            outcomeIds = new[] { "local-jobs", "less-carbon" },
            measureIds = new[] { "new-jobs", "apprentice-weeks", "carbon-saved" },
            contractTermOutcomeIds = new[] { "less-carbon" },
        })).AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["less-carbon"], specified.GetProperty("specification").GetProperty("contractTermOutcomeIds").EnumerateArray().Select(o => o.GetString()));
        await _cycle.FireOkAsync("terms", "PublishTender");
        await _cycle.BidAsync("terms", "acme", "Acme Care Ltd", 900_000m,
            [new { measureId = "new-jobs", target = 10 }, new { measureId = "carbon-saved", target = 50 }], Commissioning.Supplier);
        await _cycle.FireOkAsync("terms", "CloseTender");
        (await _cycle.ScoreAsync("terms", "acme", 4, 5)).EnsureSuccessStatusCode();

        var awarded = await _cycle.FireOkAsync("terms", "Award", new { bidId = "acme" });

        Assert.Equal(["new-jobs:Kpi", "carbon-saved:ContractTerm"], awarded.GetProperty("terms").EnumerateArray()
            .Select(t => $"{t.GetProperty("measureId").GetString()}:{t.GetProperty("kind").GetString()}"));
        var answers = awarded.GetProperty("award").GetProperty("answers");
        Assert.Equal(("Local recruitment through the job centre", "Payroll postcodes, audited quarterly"),
            (answers.GetProperty("delivery").GetString(), answers.GetProperty("measurement").GetString()));
        var page = await _silo.Client().GetStringAsync("/api/contracts/terms");
        Assert.Contains("\"kind\":\"ContractTerm\"", page);
    }

    [Fact]
    public async Task Sroi_adjustments_from_the_framework_or_the_contract_give_net_present_value_and_the_social_value_ratio()
    {
        await _cycle.SetUpAsync();
        var bad = await (await _cycle.Admin.PutAsJsonAsync($"/api/frameworks/{Commissioning.Framework}/measures/new-jobs/adjustments",
            new { deadweight = new { rate = 1.2, source = "" } })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["deadweight.rate", "deadweight.source"], bad.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        (await _cycle.Admin.PutAsJsonAsync($"/api/frameworks/{Commissioning.Framework}/measures/new-jobs/adjustments", new
        {
            deadweight = new { rate = 0.2, source = "Labour market survey" },
            attribution = new { rate = 0.1, source = "Job centre placements" },
        })).EnsureSuccessStatusCode();
        var live = await _cycle.ToLiveAsync("netted");
        var supplier = await _cycle.KeyAsync(_cycle.Admin, "Supplier", Commissioning.Supplier);
        var submitted = await (await supplier.PostAsJsonAsync("/api/contracts/netted/returns", new
        {
            period = Commissioning.Period(0),
            lines = new object[] { new { measureId = "new-jobs", quantity = 2 }, new { measureId = "carbon-saved", quantity = 10 } },
        })).AssertJsonAsync(HttpStatusCode.Created);
        (await _cycle.Admin.PutAsJsonAsync($"/api/contracts/netted/returns/{submitted.GetProperty("id").GetString()}/verification",
            new { accepted = true, comment = "Payroll checked" })).EnsureSuccessStatusCode();

        // Framework defaults: 2 jobs × £1,000 = £2,000 gross, × 0.8 × 0.9 = £1,440 net; carbon 10 × £80 = £800, no adjustments.
        var framework = await _cycle.GetJsonAsync("/api/contracts/netted/social-value");
        Assert.Equal((2_800m, 2_240m), (framework.GetProperty("total").GetProperty("deliveredValue").GetDecimal(), framework.GetProperty("total").GetProperty("deliveredNetValue").GetDecimal()));
        Assert.Equal(0.0022m, framework.GetProperty("socialValueRatio").GetDecimal());

        // The commissioner overrides carbon for this contract: displacement 50%, benefit over two years without drop-off.
        await (await _cycle.Admin.PutAsJsonAsync("/api/contracts/netted/adjustments/no-such-measure", new { benefitYears = 2 })).AssertProblemAsync(HttpStatusCode.NotFound);
        (await _cycle.Admin.PutAsJsonAsync("/api/contracts/netted/adjustments/carbon-saved", new
        {
            displacement = new { rate = 0.5, source = "Emissions moved to the supplier's other sites" },
            benefitYears = 2,
        })).EnsureSuccessStatusCode();
        var overridden = await _cycle.GetJsonAsync("/api/contracts/netted/social-value");

        // Carbon: 800 × 0.5 = 400 in year 1, + 400 ÷ 1.035 = 386.47 in year 2 = £786.47; total net 1,440 + 786.47 = £2,226.47.
        Assert.Equal(2_226.47m, overridden.GetProperty("total").GetProperty("deliveredNetValue").GetDecimal());
        Assert.Equal(2_800m, overridden.GetProperty("total").GetProperty("deliveredValue").GetDecimal());
        var carbon = overridden.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("measureId").GetString() == "carbon-saved");
        Assert.Equal("Emissions moved to the supplier's other sites", carbon.GetProperty("adjustments").GetProperty("displacement").GetProperty("source").GetString());
        Assert.Equal("Live", live.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Bad_input_is_a_clear_4xx()
    {
        await _cycle.SetUpAsync();
        await _cycle.CreateContractAsync("strict");
        await _cycle.SpecifyAsync("strict");
        var unknown = await (await _cycle.Admin.PutAsJsonAsync("/api/contracts/strict/specification",
            new { outcomeIds = new[] { "local-jobs" }, measureIds = new[] { "no-such-measure", "carbon-saved" } })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(2, unknown.GetProperty("errors").GetProperty("measureIds").GetArrayLength());
        var outOfRange = await (await _cycle.Admin.PutAsJsonAsync("/api/contracts/strict/tender", new { socialValueWeighting = 30 }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("between 0.05 and 0.5", outOfRange.GetProperty("detail").GetString());
        (await _cycle.Admin.PutAsJsonAsync("/api/contracts/strict/specification",
            new { outcomeIds = new[] { "local-jobs" }, measureIds = new[] { "new-jobs" } })).EnsureSuccessStatusCode();
        await _cycle.FireOkAsync("strict", "PublishTender");

        var outside = await (await _cycle.Admin.PostAsJsonAsync("/api/contracts/strict/bids", new
        {
            supplier = "Acme",
            price = 10,
            commitments = new[] { new { measureId = "carbon-saved", target = 5 } },
            answers = new { delivery = "d", measurement = "m" },
        })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("not in the specification", outside.GetProperty("errors").GetProperty("commitments[0].measureId")[0].GetString());

        await _cycle.BidAsync("strict", "acme", "Acme", 10m, [new { measureId = "new-jobs", target = 5 }], Commissioning.Supplier);
        await _cycle.FireOkAsync("strict", "CloseTender");
        var seven = await (await _cycle.ScoreAsync("strict", "acme", 7, 3)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("from 0 to 5", seven.GetProperty("errors").GetProperty("delivery")[0].GetString());
        (await _cycle.ScoreAsync("strict", "acme", 5, 3)).EnsureSuccessStatusCode();
        await _cycle.FireOkAsync("strict", "Award", new { bidId = "acme" });
        await _cycle.FireOkAsync("strict", "GoLive");

        var negative = await (await _cycle.Admin.PostAsJsonAsync("/api/contracts/strict/returns",
            new { period = Commissioning.Period(0), lines = new[] { new { measureId = "new-jobs", quantity = -1 } } })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(negative.GetProperty("errors").TryGetProperty("lines[0].quantity", out _));
        var uncommitted = await (await _cycle.Admin.PostAsJsonAsync("/api/contracts/strict/returns",
            new { period = Commissioning.Period(0), lines = new[] { new { measureId = "carbon-saved", quantity = 1 } } })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(uncommitted.GetProperty("errors").TryGetProperty("lines[0].measureId", out _));
        await (await _cycle.Admin.PostAsJsonAsync("/api/contracts/strict/returns",
            new { period = "2026-Q7", lines = new[] { new { measureId = "new-jobs", quantity = 1 } } })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_malformed_csv_row_rejects_the_whole_import_naming_the_row_and_a_good_file_imports_every_bid()
    {
        await _cycle.SetUpAsync();
        await _cycle.CreateContractAsync("imported");
        await _cycle.SpecifyAsync("imported");
        await _cycle.FireOkAsync("imported", "PublishTender");
        const string header = "bidId,supplier,price,measureId,target,delivery,measurement\n";

        var malformed = await ImportAsync(header
            + "acme,Acme Care,900000,new-jobs,10,Local hires,Payroll audit\n"
            + "acme,Acme Care,900000,carbon-saved,lots,Local hires,Payroll audit\n");
        var problem = await malformed.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("'lots' is not a number", problem.GetProperty("errors").GetProperty("row 3")[0].GetString());
        var outside = await (await ImportAsync(header + "acme,Acme Care,900000,new-jobs,10,d,m\nbeta,Beta,1,grass-cut,1,d,m\n"))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(outside.GetProperty("errors").TryGetProperty("row 3", out _));
        Assert.Empty((await _cycle.GetJsonAsync("/api/contracts/imported/bids")).EnumerateArray());

        var imported = await (await ImportAsync(header
            + "acme,Acme Care,900000,new-jobs,10,\"Local hires, via the job centre\",Payroll audit\n"
            + "acme,Acme Care,900000,carbon-saved,50,\"Local hires, via the job centre\",Payroll audit\n"
            + "beta,Beta Homecare,850000,new-jobs,4,Apprentices,Quarterly report\n")).AssertJsonAsync(HttpStatusCode.Created);

        Assert.Equal(2, imported.GetArrayLength());
        var acme = imported[0];
        Assert.Equal("Local hires, via the job centre", acme.GetProperty("answers").GetProperty("delivery").GetString());
        Assert.Equal(2, acme.GetProperty("commitments").GetArrayLength());
    }

    [Fact]
    public async Task Concurrent_returns_on_one_contract_lose_nothing()
    {
        await _cycle.SetUpAsync();
        await _cycle.ToLiveAsync("busy");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(q => _cycle.Admin.PostAsJsonAsync("/api/contracts/busy/returns",
            new { period = Commissioning.Period(q), lines = new[] { new { measureId = "new-jobs", quantity = q + 1 } } })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var returns = await _cycle.GetJsonAsync("/api/contracts/busy/returns");
        Assert.Equal(Enumerable.Range(0, 8).Select(Commissioning.Period), returns.EnumerateArray().Select(r => r.GetProperty("period").GetString()));
    }

    [Fact]
    public async Task A_stale_If_Match_is_412_and_the_current_one_is_honoured()
    {
        await _cycle.SetUpAsync();
        await _cycle.CreateContractAsync("versioned");
        var read = await _cycle.Admin.GetAsync("/api/contracts/versioned");
        var etag = read.Headers.ETag!;
        await _cycle.FireOkAsync("versioned", "AnalyseNeeds");

        using var stale = new HttpRequestMessage(HttpMethod.Post, "/api/contracts/versioned/transitions")
        {
            Content = JsonContent.Create(new { trigger = "Consult" }),
        };
        stale.Headers.IfMatch.Add(etag);
        await (await _cycle.Admin.SendAsync(stale)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        var current = (await _cycle.Admin.GetAsync("/api/contracts/versioned")).Headers.ETag!;
        using var fresh = new HttpRequestMessage(HttpMethod.Post, "/api/contracts/versioned/transitions")
        {
            Content = JsonContent.Create(new { trigger = "Consult" }),
        };
        fresh.Headers.IfMatch.Add(current);
        await (await _cycle.Admin.SendAsync(fresh)).AssertJsonAsync(HttpStatusCode.OK);
        var after = (await _cycle.Admin.GetAsync("/api/contracts/versioned")).Headers.ETag!;
        foreach (var view in new[] { "transitions", "bids", "returns", "social-value", "performance" })
        {
            Assert.Equal(after, (await _cycle.Admin.GetAsync($"/api/contracts/versioned/{view}")).Headers.ETag);
        }
    }

    [Fact]
    public async Task Only_the_winning_supplier_submits_returns_and_only_the_commissioner_verifies_them()
    {
        await _cycle.SetUpAsync();
        await _cycle.ToLiveAsync("guarded-returns");
        await _cycle.PostAsync("/api/organisations", new { id = "other-supplier", name = "Other Ltd", type = "BusinessAndIndustry", place = "Walsall" });
        var winner = await _cycle.KeyAsync(_cycle.Admin, "Supplier", Commissioning.Supplier);
        var loser = await _cycle.KeyAsync(_cycle.Admin, "Supplier", "other-supplier");
        var viewer = await _cycle.KeyAsync(_cycle.Admin, "Viewer", Commissioning.Council);
        var body = new { period = Commissioning.Period(0), lines = new[] { new { measureId = "new-jobs", quantity = 1 } } };

        await (await loser.PostAsJsonAsync("/api/contracts/guarded-returns/returns", body)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await viewer.PostAsJsonAsync("/api/contracts/guarded-returns/returns", body)).AssertProblemAsync(HttpStatusCode.Forbidden);
        var submitted = await (await winner.PostAsJsonAsync("/api/contracts/guarded-returns/returns", body)).AssertJsonAsync(HttpStatusCode.Created);
        var verification = $"/api/contracts/guarded-returns/returns/{submitted.GetProperty("id").GetString()}/verification";
        await (await winner.PutAsJsonAsync(verification, new { accepted = true })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await winner.GetAsync("/api/contracts/guarded-returns/bids")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await viewer.GetAsync("/api/contracts/guarded-returns/social-value")).AssertJsonAsync(HttpStatusCode.OK);
        await (await _cycle.Admin.PutAsJsonAsync(verification, new { accepted = false })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_return_not_in_by_its_due_time_is_marked_overdue_by_its_scheduled_deadline()
    {
        await _cycle.SetUpAsync();
        await _cycle.ToLiveAsync("late");

        var contract = await Eventually.HoldsAsync(
            () => _cycle.GetJsonAsync("/api/contracts/late"),
            c => c.GetProperty("returnsDue").EnumerateArray().Any(d => d.GetProperty("status").GetString() == "Overdue"),
            TimeSpan.FromSeconds(30), "the first quarterly return is marked overdue");

        Assert.Equal(Commissioning.Period(0), contract.GetProperty("returnsDue")[0].GetProperty("period").GetString());
        var review = await _cycle.GetJsonAsync("/api/contracts/late/performance");
        Assert.Contains(Commissioning.Period(0), review.GetProperty("overduePeriods").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task An_administrator_replaces_the_bid_score_formula_and_tenders_published_afterwards_use_it()
    {
        await _cycle.SetUpAsync();
        var published = await _cycle.PostAsync("/api/formulas/bid-score", new { source = "Input(\"delivery\") * 0.15 + Input(\"measurement\") * 0.05" });
        Assert.Equal(2, published.GetProperty("version").GetInt32());
        await (await _cycle.Admin.PostAsJsonAsync("/api/formulas/bid-score", new { source = "Input(\"price\")" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        await _cycle.CreateContractAsync("weighted");
        await _cycle.SpecifyAsync("weighted");
        await _cycle.FireOkAsync("weighted", "PublishTender");
        await _cycle.BidAsync("weighted", "acme", "Acme", 1m, [new { measureId = "new-jobs", target = 1 }]);
        await _cycle.FireOkAsync("weighted", "CloseTender");
        var scored = await (await _cycle.ScoreAsync("weighted", "acme", 4, 2)).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal((0.7m, 2), (scored.GetProperty("socialValueScore").GetDecimal(), scored.GetProperty("scoreFormulaVersion").GetInt32()));
    }

    [Fact]
    public async Task A_contract_uses_the_framework_it_names_else_the_adopted_one_and_neither_is_422()
    {
        await _cycle.PostAsync("/api/organisations", new { id = "no-framework", name = "No Framework Council", type = "LocalAuthority", place = "Nowhere" });

        var named = await _cycle.PostAsync("/api/contracts", new { id = "named", organisationId = "no-framework", title = "Named", value = 1, frameworkId = "knowsley" });
        var neither = await (await _cycle.Admin.PostAsJsonAsync("/api/contracts", new { id = "unframed", organisationId = "no-framework", title = "Unframed", value = 1 }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var unknown = await (await _cycle.Admin.PostAsJsonAsync("/api/contracts", new { id = "unknown", organisationId = "no-framework", title = "Unknown", value = 1, frameworkId = "nowhere" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        await _cycle.PostAsync("/api/organisations", new { id = "adopting", name = "Adopting Council", type = "LocalAuthority", place = "Thurrock" });
        (await _cycle.Admin.PutAsJsonAsync("/api/organisations/adopting/framework", new { frameworkId = "thurrock" })).EnsureSuccessStatusCode();
        var adopted = await _cycle.PostAsync("/api/contracts", new { id = "adopted", organisationId = "adopting", title = "Adopted", value = 1 });

        Assert.Equal("knowsley", named.GetProperty("frameworkId").GetString());
        Assert.Contains("adopted no framework", neither.GetProperty("errors").GetProperty("frameworkId")[0].GetString());
        Assert.Contains("no framework 'nowhere'", unknown.GetProperty("errors").GetProperty("frameworkId")[0].GetString());
        Assert.Equal("thurrock", adopted.GetProperty("frameworkId").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _cycle.Admin.GetAsync("/api/contracts/unframed")).StatusCode);
    }

    private async Task AssertBlockedAsync(string trigger, params string[] reasons)
    {
        var transitions = await _cycle.GetJsonAsync($"/api/contracts/guarded/transitions");
        var blocked = transitions.GetProperty("blocked").EnumerateArray().Single(b => b.GetProperty("trigger").GetString() == trigger);
        Assert.Equal(reasons, blocked.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        var refused = await (await _cycle.FireAsync("guarded", trigger, trigger == "Award" ? new { bidId = "any" } : null))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Subset(Reasons(refused).ToHashSet(), reasons.ToHashSet());
    }

    private static List<string> Reasons(JsonElement problem) =>
        [.. problem.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!)];

    private Task<HttpResponseMessage> ImportAsync(string csv) =>
        _cycle.Admin.PostAsync("/api/contracts/imported/bids/import", new StringContent(csv, Encoding.UTF8, new MediaTypeHeaderValue("text/csv")));
}
