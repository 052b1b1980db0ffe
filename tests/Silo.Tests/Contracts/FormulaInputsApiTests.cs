using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SocialValue.Silo.Tests.Database;
using SocialValue.Silo.Tests.Infrastructure;

namespace SocialValue.Silo.Tests.Contracts;

/// <summary>
/// The named inputs a measure's formula reads, over HTTP on a real SQLite file: named on the formula's responses, and
/// asked of return lines and commitments, which must give exactly those (a 422 naming them, with nothing stored).
/// </summary>
public sealed class FormulaInputsApiTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestSilo _silo = null!;
    private Commissioning _cycle = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.Sqlite();
        _silo = await TestSilo.StartAsync(_database);
        _cycle = new Commissioning(_silo.Client());
        await _cycle.SetUpAsync();
        await Mentoring.AddAsync(_cycle);
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Formula_responses_name_the_inputs_each_version_reads()
    {
        var measurePath = $"/api/frameworks/{Commissioning.Framework}/measures/{Mentoring.Measure}";
        var measure = await _cycle.GetJsonAsync(measurePath);
        Assert.Equal(["hours"], Names(measure.GetProperty("formula").GetProperty("inputs")));
        Assert.Empty(Names(measure.GetProperty("figureInputs")));

        var published = await _cycle.PostAsync($"{measurePath}/formula",
            new { source = "var perHour = Proxy(\"MENTOR\");\nreturn Quantity * Input(\"hours\") * perHour * Input(\"share\") / Input(\"hours\") * Input(\"hours\");" });
        Assert.Equal(["hours", "share"], Names(published.GetProperty("inputs")));
        var versions = await _cycle.GetJsonAsync($"{measurePath}/formula/versions");
        Assert.Equal([["hours"], ["hours", "share"]], versions.EnumerateArray().Select(v => Names(v.GetProperty("inputs"))));

        var check = await (await _cycle.Admin.PostAsJsonAsync("/api/formulas/check", new { source = "Input(\"b\") + Input(\"a\") + Input(\"b\")" }))
            .AssertJsonAsync(HttpStatusCode.OK);
        Assert.Equal(["b", "a"], Names(check.GetProperty("inputs")));
        var scoring = await _cycle.GetJsonAsync("/api/formulas/bid-score");
        Assert.Equal(["delivery", "measurement"], Names(scoring.GetProperty("current").GetProperty("inputs")));
        var share = await _cycle.GetJsonAsync("/api/frameworks/walsall/measures/economic-growth-m1");
        Assert.Equal(["totalRevenueSpend"], Names(share.GetProperty("figureInputs")));
    }

    [Fact]
    public async Task A_formula_that_names_an_input_without_quotes_is_refused_at_publish_with_nothing_published()
    {
        var measurePath = $"/api/frameworks/{Commissioning.Framework}/measures/{Mentoring.Measure}";

        var refused = await (await _cycle.Admin.PostAsJsonAsync($"{measurePath}/formula", new { source = "Quantity * Input(Quantity)" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains(refused.GetProperty("diagnostics").EnumerateArray(), d =>
            d.GetProperty("message").GetString()!.StartsWith("Input takes the input's name in quotes, e.g. Input(\"hours\")", StringComparison.Ordinal)
            && d.GetProperty("column").GetInt32() == 18);
        Assert.Equal(1, (await _cycle.GetJsonAsync($"{measurePath}/formula/versions")).GetArrayLength());
    }

    [Fact]
    public async Task A_return_line_lacking_an_input_its_formula_reads_is_refused_naming_it_with_nothing_stored()
    {
        await Mentoring.ToLiveAsync(_cycle, "care");
        var etag = await ETagAsync("care");

        var refused = await SubmitReturnAsync(new { measureId = Mentoring.Measure, quantity = 4 });

        Assert.Equal(["The line cannot be valued with formula version 1 of 'mentoring': the formula needs the input 'hours', which was not supplied."],
            Errors(refused, "lines[0].inputs"));
        await AssertNothingStoredAsync("care", etag);
    }

    [Fact]
    public async Task A_return_line_giving_an_input_nobody_reads_is_refused_naming_those_read_with_nothing_stored()
    {
        await Mentoring.ToLiveAsync(_cycle, "care");
        var etag = await ETagAsync("care");

        var refused = await SubmitReturnAsync(
            new { measureId = Mentoring.Measure, quantity = 4, inputs = new Dictionary<string, decimal> { ["hours"] = 2, ["hourz"] = 2 } },
            new { measureId = "new-jobs", quantity = 3, inputs = new Dictionary<string, decimal> { ["hours"] = 1 } });

        Assert.Equal(["Formula version 1 of 'mentoring' reads no input 'hourz'; it reads 'hours'."], Errors(refused, "lines[0].inputs"));
        Assert.Equal(["Formula version 1 of 'new-jobs' reads no input 'hours'; it reads no inputs, so give none."], Errors(refused, "lines[1].inputs"));
        await AssertNothingStoredAsync("care", etag);
    }

    [Fact]
    public async Task A_return_line_is_valued_with_the_inputs_it_gives()
    {
        await Mentoring.ToLiveAsync(_cycle, "care");

        var response = await _cycle.Admin.PostAsJsonAsync("/api/contracts/care/returns", new
        {
            period = Commissioning.Period(0),
            lines = new[] { new { measureId = Mentoring.Measure, quantity = 4m, inputs = new Dictionary<string, decimal> { ["hours"] = 2.5m } } },
        });

        var line = (await response.AssertJsonAsync(HttpStatusCode.Created)).GetProperty("lines")[0];
        Assert.Equal(200m, line.GetProperty("gbp").GetDecimal());
        Assert.Equal(4m, line.GetProperty("units").GetDecimal());
        Assert.Equal(2.5m, line.GetProperty("inputs").GetProperty("hours").GetDecimal());
    }

    [Fact]
    public async Task A_bid_commitment_must_give_the_inputs_its_formula_reads_and_no_others_with_nothing_stored()
    {
        await Mentoring.ToTenderingAsync(_cycle, "tender");
        var etag = await ETagAsync("tender");

        var refused = await (await _cycle.Admin.PostAsJsonAsync("/api/contracts/tender/bids", Bid(
            new { measureId = Mentoring.Measure, target = 10 },
            new { measureId = "new-jobs", target = 5, inputs = new Dictionary<string, decimal> { ["hours"] = 1 } })))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["The commitment cannot be valued with formula version 1 of 'mentoring': the formula needs the input 'hours', which was not supplied."],
            Errors(refused, "commitments[0].inputs"));
        Assert.Equal(["Formula version 1 of 'new-jobs' reads no input 'hours'; it reads no inputs, so give none."], Errors(refused, "commitments[1].inputs"));
        await AssertNothingStoredAsync("tender", etag);
        Assert.Equal(0, (await _cycle.GetJsonAsync("/api/contracts/tender/bids")).GetArrayLength());
    }

    [Fact]
    public async Task The_target_of_a_commitment_is_valued_at_award_with_the_inputs_the_bid_gave()
    {
        var live = await Mentoring.ToLiveAsync(_cycle, "care");

        var term = live.GetProperty("terms").EnumerateArray().Single(t => t.GetProperty("measureId").GetString() == Mentoring.Measure);
        Assert.Equal(400m, term.GetProperty("committedValue").GetDecimal());
        var commitment = (await _cycle.GetJsonAsync("/api/contracts/care/bids/acme")).GetProperty("commitments")
            .EnumerateArray().Single(c => c.GetProperty("measureId").GetString() == Mentoring.Measure);
        Assert.Equal(2m, commitment.GetProperty("inputs").GetProperty("hours").GetDecimal());
    }

    [Fact]
    public async Task Bid_csv_gives_inputs_in_input_columns_and_a_row_lacking_one_is_refused_by_its_row()
    {
        await Mentoring.ToTenderingAsync(_cycle, "tender");
        const string Header = "bidId,supplier,price,measureId,target,delivery,measurement,input:hours\n";

        var refused = await ImportAsync(Header + "acme,Acme,100,mentoring,10,Local,Audited,\n").AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["The commitment cannot be valued with formula version 1 of 'mentoring': the formula needs the input 'hours', which was not supplied."],
            Errors(refused, "row 2"));
        Assert.Equal(0, (await _cycle.GetJsonAsync("/api/contracts/tender/bids")).GetArrayLength());
        var unreadable = await ImportAsync(Header + "acme,Acme,100,mentoring,10,Local,Audited,two\n").AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["input:hours 'two' is not a number."], Errors(unreadable, "row 2"));

        var imported = await ImportAsync(Header + "acme,Acme,100,mentoring,10,Local,Audited,1.5\nacme,Acme,100,new-jobs,4,Local,Audited,\n")
            .AssertJsonAsync(HttpStatusCode.Created);
        var commitments = imported[0].GetProperty("commitments");
        Assert.Equal(1.5m, commitments[0].GetProperty("inputs").GetProperty("hours").GetDecimal());
        Assert.Equal(JsonValueKind.Null, commitments[1].GetProperty("inputs").ValueKind);
    }

    [Fact]
    public async Task A_formula_version_stored_before_inputs_were_recorded_answers_with_them_read_from_its_source()
    {
        await _cycle.PostAsync("/api/formulas/bid-score", new { source = "Input(\"measurement\") * 0.1 + Input(\"delivery\") * 0.1" });
        await _silo.DisposeAsync();
        await _database.ExecuteAsync("UPDATE sv_grain_state SET payload = json_remove(payload, '$.versions[0].inputs', '$.versions[1].inputs') WHERE state_name = 'bid-score-formula'");
        Assert.DoesNotContain("inputs", (string)(await _database.ScalarAsync("SELECT payload FROM sv_grain_state WHERE state_name = 'bid-score-formula'"))!);

        _silo = await TestSilo.StartAsync(_database);
        var versions = await (await _silo.Client().GetAsync("/api/formulas/bid-score")).AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal(["measurement", "delivery"], Names(versions.GetProperty("current").GetProperty("inputs")));
    }

    private Task<HttpResponseMessage> ImportAsync(string csv) =>
        _cycle.Admin.PostAsync("/api/contracts/tender/bids/import", new StringContent(csv, Encoding.UTF8, new MediaTypeHeaderValue("text/csv")));

    private static object Bid(params object[] commitments) => new
    {
        supplier = "Acme Care Ltd",
        price = 100m,
        commitments,
        answers = new { delivery = "Local mentors", measurement = "Session registers" },
    };

    private async Task<JsonElement> SubmitReturnAsync(params object[] lines) =>
        await (await _cycle.Admin.PostAsJsonAsync("/api/contracts/care/returns", new { period = Commissioning.Period(0), lines }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

    private async Task AssertNothingStoredAsync(string contractId, string? etag)
    {
        Assert.Equal(0, (await _cycle.GetJsonAsync($"/api/contracts/{contractId}/returns")).GetArrayLength());
        Assert.Equal(etag, await ETagAsync(contractId));
    }

    private async Task<string?> ETagAsync(string contractId) =>
        (await _cycle.Admin.GetAsync($"/api/contracts/{contractId}")).EnsureSuccessStatusCode().Headers.ETag?.Tag;

    private static string[] Names(JsonElement names) => [.. names.EnumerateArray().Select(n => n.GetString()!)];

    private static string[] Errors(JsonElement problem, string field) =>
        [.. problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!)];
}
