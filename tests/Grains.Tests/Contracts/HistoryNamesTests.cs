using SocialValue.Contracts;
using SocialValue.Maturity;

namespace SocialValue.Grains.Tests.Contracts;

/// <summary>
/// The enums the API names stored history with hold exactly the names the grains record: each workflow's triggers and
/// states, and the steps recorded outside a workflow (a performance review, an assessment). A name added to a workflow
/// and not to its history enum, or the other way round, fails here.
/// </summary>
public sealed class HistoryNamesTests
{
    [Fact]
    public void A_contracts_history_triggers_are_the_cycles_a_reviews_and_the_remedy_workflows()
    {
        string[] recorded = [.. Enum.GetNames<ContractTrigger>(), PerformanceReviews.ReviewTrigger, .. Enum.GetNames<RemedyTrigger>()];

        Assert.Equal(recorded, Enum.GetNames<ContractHistoryTrigger>());
    }

    [Fact]
    public void A_contracts_history_states_are_the_cycles_and_the_remedy_workflows_with_no_name_in_both()
    {
        string[] recorded = [.. Enum.GetNames<ContractStatus>(), .. Enum.GetNames<RemedyStatus>()];

        Assert.Equal(recorded, Enum.GetNames<ContractHistoryState>());
        Assert.Empty(Enum.GetNames<ContractStatus>().Intersect(Enum.GetNames<RemedyStatus>()));
    }

    [Fact]
    public void A_dimensions_history_triggers_are_the_levels_and_an_assessments()
    {
        string[] recorded = [.. Enum.GetNames<DimensionTrigger>(), MaturityGrain.AssessTrigger];

        Assert.Equal(recorded, Enum.GetNames<DimensionHistoryTrigger>());
    }
}
