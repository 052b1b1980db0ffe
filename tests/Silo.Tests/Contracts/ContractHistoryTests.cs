using System.Net;
using System.Text.Json;
using SocialValue.Silo.Tests.Database;
using SocialValue.Silo.Tests.Infrastructure;
using SocialValue.Silo.Tests.OpenApi;

namespace SocialValue.Silo.Tests.Contracts;

/// <summary>A contract's history over HTTP when its stored text names what this version of the service does not declare.</summary>
public sealed class ContractHistoryTests
{
    [Fact]
    public async Task A_stored_step_naming_an_undeclared_trigger_is_answered_as_stored_beside_the_typed_history()
    {
        await using var database = TestDatabase.Sqlite();
        await using (var first = await TestSilo.StartAsync(database))
        {
            var cycle = new Commissioning(first.Client());
            await cycle.SetUpAsync();
            await cycle.CreateContractAsync("renamed");
            await cycle.FireOkAsync("renamed", "AnalyseNeeds");
            await cycle.FireOkAsync("renamed", "Consult");
        }
        // As a Silo rolled back to this version would find a step a later version recorded.
        Assert.Equal(1, await database.ExecuteAsync(
            "UPDATE sv_grain_state SET payload = REPLACE(payload, '\"AnalyseNeeds\"', '\"Renegotiate\"') WHERE state_name = 'contract'"));

        await using var second = await TestSilo.StartAsync(database);
        var contract = await second.Client().GetAsync("/api/contracts/renamed").AssertJsonAsync(HttpStatusCode.OK);

        Assert.Equal("Consultation", contract.GetProperty("state").GetString());
        Assert.Equal(["Consult NeedsAnalysis Consultation"], HistorySchema.Steps(contract));
        var unrecognised = Assert.Single(contract.GetProperty("unrecognisedHistory").EnumerateArray());
        Assert.Equal(("Renegotiate", "Initiated", "NeedsAnalysis", JsonValueKind.String),
            (unrecognised.GetProperty("trigger").GetString(), unrecognised.GetProperty("from").GetString(), unrecognised.GetProperty("to").GetString(),
                unrecognised.GetProperty("at").ValueKind));
    }
}
