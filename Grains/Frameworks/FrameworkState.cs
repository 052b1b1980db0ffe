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
}
