using SocialValue.Maturity;

namespace SocialValue.Grains.Tests.Maturity;

public sealed class MaturityPlanTests
{
    [Fact]
    public void A_plan_holds_every_catalogue_action_above_the_present_level_up_to_the_target_in_catalogue_order()
    {
        var plan = MaturityPlan.Generate("D", MaturityLevel.Follower, MaturityLevel.Leader, []);

        Assert.Equal(["d-mature-1", "d-mature-2", "d-leader-1", "d-leader-2", "d-leader-3", "d-leader-4"], plan.Select(a => a.Id));
        Assert.All(plan, a => Assert.Equal(ActionStatus.NotStarted, a.Status));
    }

    [Fact]
    public void A_dimension_at_its_target_has_no_plan()
    {
        Assert.Empty(MaturityPlan.Generate("D", MaturityLevel.Leader, MaturityLevel.Leader, []));
    }

    [Fact]
    public void Regenerating_keeps_the_tracking_of_actions_that_remain_and_drops_the_others()
    {
        var before = MaturityPlan.Generate("D", MaturityLevel.Follower, MaturityLevel.Leader, []);
        before[0].Status = ActionStatus.Done;
        before[2].Owner = "Head of Commissioning";
        before[2].Status = ActionStatus.InProgress;

        var after = MaturityPlan.Generate("D", MaturityLevel.Mature, MaturityLevel.Innovator, before);

        Assert.Equal(["d-leader-1", "d-leader-2", "d-leader-3", "d-leader-4", "d-innovator-1", "d-innovator-2"], after.Select(a => a.Id));
        Assert.Equal((ActionStatus.InProgress, "Head of Commissioning"), (after[0].Status, after[0].Owner));
        Assert.Equal(ActionStatus.NotStarted, after[4].Status);
    }

    [Fact]
    public void Walsall_plan_holds_the_18_actions_between_its_present_and_target_levels()
    {
        var plan = MaturityModel.WalsallAssessment.Dimensions.SelectMany(d => MaturityPlan.Generate(d.Code, d.Present, d.Target, []));

        Assert.Equal(
            ["a-leader-1", "b-leader-1", "c-mature-1", "c-mature-2", "d-mature-1", "d-mature-2", "d-leader-1", "d-leader-2", "d-leader-3",
             "d-leader-4", "f-mature-1", "g-mature-1", "h-follower-1", "h-mature-1", "i-mature-1", "i-mature-2", "j-mature-1", "j-leader-1"],
            plan.Select(a => a.Id));
    }

    [Fact]
    public void Undone_lists_the_actions_of_one_level_that_are_not_done()
    {
        var plan = MaturityPlan.Generate("C", MaturityLevel.Follower, MaturityLevel.Leader, []);
        plan[1].Status = ActionStatus.Done;

        Assert.Equal(["c-mature-1"], MaturityPlan.Undone(plan, MaturityLevel.Mature));
        Assert.Equal(["c-leader-1"], MaturityPlan.Undone(plan, MaturityLevel.Leader));
        Assert.Empty(MaturityPlan.Undone(plan, MaturityLevel.Innovator));
    }
}
