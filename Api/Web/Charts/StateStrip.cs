using static SocialValue.Api.Web.Markup;

namespace SocialValue.Api.Web.Charts;

/// <summary>
/// A workflow drawn as SVG: one row per phase, its states in order (joined by arrows when the row is a sequence),
/// the states passed through shaded, the current one marked and named in the text alternative.
/// </summary>
internal static class StateStrip
{
    private const double BoxWidth = 132;
    private const double BoxHeight = 40;
    private const double Gap = 24;
    private const double RowHeight = 66;
    private const double PhaseWidth = 100;

    public static Markup Svg(string id, string title, IReadOnlyList<(string Phase, IReadOnlyList<string> States, bool Sequence)> rows, string current, IReadOnlySet<string> visited)
    {
        var columns = rows.Max(r => r.States.Count);
        var width = PhaseWidth + columns * BoxWidth + (columns - 1) * Gap + 4;
        var drawn = rows.Select((row, r) =>
        {
            var y = r * RowHeight + 8;
            var boxes = row.States.Select((state, c) =>
            {
                var x = PhaseWidth + c * (BoxWidth + Gap);
                var css = state == current ? "state current" : visited.Contains(state) ? "state visited" : "state";
                var arrow = c == 0 || !row.Sequence ? Empty
                    : H($"<line class=\"arrow\" x1=\"{Format.Px(x - Gap)}\" y1=\"{Format.Px(y + BoxHeight / 2)}\" x2=\"{Format.Px(x - 3)}\" y2=\"{Format.Px(y + BoxHeight / 2)}\" marker-end=\"url(#{id}-head)\"/>");
                return H($"""
                    {arrow}<g class="{css}" data-state="{state}"{When(state == current, H($" aria-current=\"step\""))}><rect x="{Format.Px(x)}" y="{Format.Px(y)}" width="{Format.Px(BoxWidth)}" height="{Format.Px(BoxHeight)}" rx="6"/>
                    <text x="{Format.Px(x + BoxWidth / 2)}" y="{Format.Px(y + BoxHeight / 2)}" text-anchor="middle" dominant-baseline="middle">{Format.Words(state)}</text></g>
                    """);
            });
            return H($"<text class=\"phase\" x=\"0\" y=\"{Format.Px(y + BoxHeight / 2)}\" dominant-baseline=\"middle\">{row.Phase}</text>{boxes}");
        });
        return H($"""
            <svg class="chart strip" viewBox="0 0 {Format.Px(width)} {Format.Px(rows.Count * RowHeight + 8)}" role="img" aria-labelledby="{id}-title {id}-desc" id="{id}">
              <title id="{id}-title">{title}</title>
              <desc id="{id}-desc">Current state: {Format.Words(current)}.</desc>
              <defs><marker id="{id}-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>
              {drawn}
            </svg>
            """);
    }

}
