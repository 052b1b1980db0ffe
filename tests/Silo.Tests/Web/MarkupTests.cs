using SocialValue.Api.Web;
using static SocialValue.Api.Web.Markup;

namespace SocialValue.Silo.Tests.Web;

/// <summary>The pages' two small pure pieces: HTML that encodes what it is given, and the line diff of formula versions.</summary>
public sealed class MarkupTests
{
    [Fact]
    public void Interpolated_text_is_encoded_and_markup_is_kept()
    {
        var name = "<script>alert('x')</script> & \"quotes\"";
        var items = new List<Markup> { H($"<li>{1.5m}</li>"), H($"<li>{name}</li>") };

        var html = H($"<p title=\"{name}\">{name}</p><ul>{items}</ul>").Value;

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("\"quotes\"", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("<ul><li>1.5</li><li>&lt;script&gt;", html);
    }

    [Fact]
    public void A_line_diff_keeps_shared_lines_and_marks_removed_and_added_ones_in_order()
    {
        var diff = LineDiff.Compare("var jobs = Quantity;\nreturn jobs * 1000;", "var jobs = Quantity;\nvar rate = Proxy(\"JOB\");\nreturn jobs * rate;");

        Assert.Equal(
            [
                (LineDiff.Kind.Same, "var jobs = Quantity;"),
                (LineDiff.Kind.Added, "var rate = Proxy(\"JOB\");"),
                (LineDiff.Kind.Added, "return jobs * rate;"),
                (LineDiff.Kind.Removed, "return jobs * 1000;"),
            ],
            diff);
    }

    [Fact]
    public void Identical_texts_differ_nowhere()
    {
        Assert.All(LineDiff.Compare("a\nb", "a\r\nb"), line => Assert.Equal(LineDiff.Kind.Same, line.Kind));
    }
}
