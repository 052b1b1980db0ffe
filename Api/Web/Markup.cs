using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;

namespace SocialValue.Api.Web;

/// <summary>
/// HTML that is already safe to write. Pages build it with <see cref="H"/>: every interpolated value is encoded
/// unless it is itself <see cref="Markup"/>, so user text cannot become markup by accident.
/// </summary>
public readonly record struct Markup(string Value)
{
    public static readonly Markup Empty = new("");

    public static Markup H(ref HtmlInterpolatedStringHandler html) => html.ToMarkup();

    public static Markup Join(IEnumerable<Markup> parts) => new(string.Concat(parts.Select(p => p.Value)));

    public static Markup When(bool condition, Markup markup) => condition ? markup : Empty;

    public override string ToString() => Value;
}

/// <summary>Encodes interpolated values for HTML text and quoted attributes; formats numbers invariantly.</summary>
[InterpolatedStringHandler]
public ref struct HtmlInterpolatedStringHandler
{
    private readonly StringBuilder _builder;

    public HtmlInterpolatedStringHandler(int literalLength, int formattedCount) =>
        _builder = new StringBuilder(literalLength + formattedCount * 16);

    public readonly void AppendLiteral(string literal) => _builder.Append(literal);

    public readonly void AppendFormatted(Markup markup) => _builder.Append(markup.Value);

    public readonly void AppendFormatted(IEnumerable<Markup> markups)
    {
        foreach (var markup in markups)
        {
            _builder.Append(markup.Value);
        }
    }

    public readonly void AppendFormatted<T>(T value)
    {
        // A list of markup (List<Markup>, Markup[]) binds here rather than to the IEnumerable<Markup> overload.
        if (value is IEnumerable<Markup> markups)
        {
            AppendFormatted(markups);
            return;
        }
        _builder.Append(HtmlEncoder.Default.Encode(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
    }

    public readonly void AppendFormatted<T>(T value, string format) where T : IFormattable =>
        _builder.Append(HtmlEncoder.Default.Encode(value.ToString(format, CultureInfo.InvariantCulture)));

    internal readonly Markup ToMarkup() => new(_builder.ToString());
}
