using SocialValue.Indexes;

namespace SocialValue.Grains.Tests.Indexes;

public sealed class SortedIndexTests
{
    private sealed record Line(string Id, string Name);

    private static SortedIndex<Line> Index(params Line[] lines)
    {
        var index = new SortedIndex<Line>(l => new IndexPosition(l.Name, l.Id));
        foreach (var line in lines)
        {
            index.Set(line);
        }
        return index;
    }

    [Fact]
    public void Pages_follow_name_ignoring_case_then_id_and_end_with_no_next_position()
    {
        var index = Index(new("c", "bravo"), new("a", "Bravo"), new("b", "alpha"), new("d", "Charlie"));

        var first = index.Page(null, 3);
        var last = index.Page(first.Next, 3);

        Assert.Equal(["b", "a", "c"], first.Items.Select(l => l.Id));
        Assert.Equal(new IndexPosition("bravo", "c"), first.Next);
        Assert.Equal(["d"], last.Items.Select(l => l.Id));
        Assert.Null(last.Next);
    }

    [Fact]
    public void A_renamed_entry_moves_and_a_removed_one_leaves_the_next_page_where_it_was()
    {
        var index = Index(new("a", "Alpha"), new("b", "Bravo"), new("c", "Charlie"));
        var first = index.Page(null, 2);

        index.Set(new Line("a", "Zulu"));
        index.Remove("b");

        Assert.Equal(["c", "a"], index.Page(first.Next, 2).Items.Select(l => l.Id));
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void Only_an_entry_that_differs_is_not_held_already()
    {
        var index = Index(new Line("a", "Alpha"));

        Assert.True(index.Holds(new Line("a", "Alpha")));
        Assert.False(index.Holds(new Line("a", "Alpha Two")));
        Assert.False(index.Holds(new Line("b", "Alpha")));
    }

    [Fact]
    public void A_filtered_page_announces_a_next_page_only_when_a_match_follows()
    {
        var index = Index(new("a", "A"), new("b", "B"), new("c", "C"), new("d", "D"));

        var page = index.Page(null, 1, l => l.Id is "a" or "c");
        var rest = index.Page(page.Next, 1, l => l.Id is "a" or "c");

        Assert.Equal(["a"], page.Items.Select(l => l.Id));
        Assert.Equal(["c"], rest.Items.Select(l => l.Id));
        Assert.Null(rest.Next);
    }
}
