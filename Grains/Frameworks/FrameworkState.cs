namespace SocialValue.Frameworks;

[GenerateSerializer]
public sealed class FrameworkState
{
    [Id(0)]
    public string Name { get; set; } = "";

    [Id(1)]
    public string? CopiedFrom { get; set; }

    [Id(2)]
    public List<ThemeState> Themes { get; set; } = [];

    [Id(3)]
    public List<ProxyValueEntry> ProxyValues { get; set; } = [];
}

[GenerateSerializer]
public sealed class ThemeState
{
    [Id(0)]
    public string Id { get; set; } = "";

    [Id(1)]
    public string? Code { get; set; }

    [Id(2)]
    public string Name { get; set; } = "";

    [Id(3)]
    public List<OutcomeState> Outcomes { get; set; } = [];

    [Id(4)]
    public string? Note { get; set; }
}

[GenerateSerializer]
public sealed class OutcomeState
{
    [Id(0)]
    public string Id { get; set; } = "";

    [Id(1)]
    public string Name { get; set; } = "";

    [Id(2)]
    public string? MarmotPriority { get; set; }

    [Id(3)]
    public List<MeasureState> Measures { get; set; } = [];

    [Id(4)]
    public string? Note { get; set; }
}

[GenerateSerializer]
public sealed class MeasureState
{
    [Id(0)]
    public string Id { get; set; } = "";

    [Id(1)]
    public int? Number { get; set; }

    [Id(2)]
    public string Title { get; set; } = "";

    [Id(3)]
    public string Unit { get; set; } = "";

    [Id(4)]
    public string? Options { get; set; }

    [Id(5)]
    public List<FormulaVersionDetails> Versions { get; set; } = [];

    [Id(6)]
    public MeasureDirection Direction { get; set; }

    /// <summary>The figure's source (see <see cref="MeasureDetails.Figure"/>); state stored before figures existed reads as the quantity.</summary>
    [Id(7)]
    public string Figure { get; set; } = MeasureFigure.Quantity;

    [Id(8)]
    public string? Note { get; set; }

    /// <summary>The measure's default SROI adjustments, which a contract may override; none when not set.</summary>
    [Id(9)]
    public SroiAdjustments? Adjustments { get; set; }
}
