using static SocialValue.Api.Web.Markup;

namespace SocialValue.Api.Web.Charts;

/// <summary>A radar chart of present against target levels, one axis per dimension, drawn as SVG on the server.</summary>
internal static class RadarChart
{
    private const double Centre = 200;
    private const double Radius = 140;

    /// <summary>
    /// <paramref name="axes"/> are (code, name, present, target) with levels from 0 to the last of <paramref name="levelNames"/>;
    /// <paramref name="levelNames"/> label the rings.
    /// </summary>
    public static Markup Svg(string id, string title, IReadOnlyList<(string Code, string Name, int Present, int Target)> axes, IReadOnlyList<string> levelNames)
    {
        var top = levelNames.Count - 1;
        var rings = Enumerable.Range(1, top).Select(level =>
            H($"<polygon class=\"ring\" points=\"{Points(axes.Select(_ => level), top)}\"/>"));
        var spokes = axes.Select((a, i) =>
        {
            var (x, y) = At(i, axes.Count, top, top);
            var (lx, ly) = At(i, axes.Count, top + 0.45, top);
            return H($"<line class=\"spoke\" x1=\"{Format.Px(Centre)}\" y1=\"{Format.Px(Centre)}\" x2=\"{Format.Px(x)}\" y2=\"{Format.Px(y)}\"/><text class=\"axis\" x=\"{Format.Px(lx)}\" y=\"{Format.Px(ly)}\" text-anchor=\"middle\" dominant-baseline=\"middle\">{a.Code}<title>{a.Code} {a.Name}</title></text>");
        });
        var ringLabels = Enumerable.Range(1, top).Select(level =>
        {
            var (x, y) = At(0, axes.Count, level, top);
            return H($"<text class=\"ring-label\" x=\"{Format.Px(x + 4)}\" y=\"{Format.Px(y - 3)}\">{levelNames[level]}</text>");
        });
        var description = string.Join("; ", axes.Select(a => $"{a.Code} {a.Name}: {levelNames[a.Present]} now, target {levelNames[a.Target]}"));
        return H($"""
            <svg class="chart radar" viewBox="0 0 400 420" role="img" aria-labelledby="{id}-title {id}-desc" id="{id}">
              <title id="{id}-title">{title}</title>
              <desc id="{id}-desc">{description}</desc>
              {rings}{spokes}{ringLabels}
              <polygon class="target" points="{Points(axes.Select(a => a.Target), top)}"/>
              <polygon class="present" points="{Points(axes.Select(a => a.Present), top)}"/>
              <g class="legend" transform="translate(90 400)">
                <rect class="present" x="0" y="-10" width="14" height="14"/><text x="20" y="2">Present</text>
                <rect class="target" x="120" y="-10" width="14" height="14"/><text x="140" y="2">Target</text>
              </g>
            </svg>
            """);
    }

    private static string Points(IEnumerable<int> levels, int top)
    {
        var list = levels.ToList();
        return string.Join(' ', list.Select((level, i) =>
        {
            var (x, y) = At(i, list.Count, level, top);
            return $"{Format.Px(x)},{Format.Px(y)}";
        }));
    }

    private static (double X, double Y) At(int axis, int axes, double level, int top)
    {
        var angle = -Math.PI / 2 + 2 * Math.PI * axis / axes;
        var r = Radius * level / top;
        return (Centre + r * Math.Cos(angle), Centre + r * Math.Sin(angle));
    }

}
