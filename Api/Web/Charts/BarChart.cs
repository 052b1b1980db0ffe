using static SocialValue.Api.Web.Markup;

namespace SocialValue.Api.Web.Charts;

/// <summary>Horizontal bars of committed against delivered £ per group (theme), drawn as SVG on the server.</summary>
internal static class BarChart
{
    private const double Width = 360;
    private const double BarHeight = 16;
    private const double GroupHeight = 70;

    public static Markup Svg(string id, string title, IReadOnlyList<(string Name, decimal Committed, decimal Delivered)> groups)
    {
        var max = Math.Max(1m, groups.Count == 0 ? 1m : groups.Max(g => Math.Max(g.Committed, g.Delivered)));
        var height = Math.Max(1, groups.Count) * GroupHeight + 30;
        var bars = groups.Select((g, i) =>
        {
            var y = i * GroupHeight;
            return H($"""
                <g transform="translate(0 {Format.Px(y)})">
                  <text class="group" x="0" y="14">{g.Name}</text>
                  <rect class="committed" x="0" y="22" width="{Format.Px(Length(g.Committed, max))}" height="{Format.Px(BarHeight)}"/>
                  <text class="value" x="{Format.Px(Length(g.Committed, max) + 6)}" y="35">{Format.Pounds(g.Committed)} committed</text>
                  <rect class="delivered" x="0" y="{Format.Px(22 + BarHeight + 4)}" width="{Format.Px(Length(g.Delivered, max))}" height="{Format.Px(BarHeight)}"/>
                  <text class="value" x="{Format.Px(Length(g.Delivered, max) + 6)}" y="{Format.Px(35 + BarHeight + 4)}">{Format.Pounds(g.Delivered)} delivered</text>
                </g>
                """);
        });
        var description = groups.Count == 0 ? "No social value is committed yet."
            : string.Join("; ", groups.Select(g => $"{g.Name}: {Format.Pounds(g.Committed)} committed, {Format.Pounds(g.Delivered)} delivered"));
        return H($"""
            <svg class="chart bars" viewBox="0 0 {Format.Px(Width + 200)} {Format.Px(height)}" role="img" aria-labelledby="{id}-title {id}-desc" id="{id}">
              <title id="{id}-title">{title}</title>
              <desc id="{id}-desc">{description}</desc>
              {bars}
              <g class="legend" transform="translate(0 {Format.Px(height - 12)})">
                <rect class="committed" x="0" y="-10" width="14" height="14"/><text x="20" y="2">Committed</text>
                <rect class="delivered" x="130" y="-10" width="14" height="14"/><text x="150" y="2">Delivered (verified returns)</text>
              </g>
            </svg>
            """);
    }

    // Bars leave room for their value label to the right.
    private static double Length(decimal value, decimal max) => Math.Max(1, (double)(value / max) * (Width - 40));

}
