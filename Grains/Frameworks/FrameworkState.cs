namespace SocialValue.Frameworks;

public sealed class FrameworkState
{
    public string Name { get; set; } = "";

    public string? CopiedFrom { get; set; }

    public List<ThemeState> Themes { get; set; } = [];

    public List<ProxyValueEntry> ProxyValues { get; set; } = [];
}

public sealed class ThemeState
{
    public string Id { get; set; } = "";

    public string? Code { get; set; }

    public string Name { get; set; } = "";

    public List<OutcomeState> Outcomes { get; set; } = [];
}

public sealed class OutcomeState
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string? MarmotPriority { get; set; }

    public List<MeasureState> Measures { get; set; } = [];
}

public sealed class MeasureState
{
    public string Id { get; set; } = "";

    public int? Number { get; set; }

    public string Title { get; set; } = "";

    public string Unit { get; set; } = "";

    public string? Options { get; set; }

    public List<FormulaVersionDetails> Versions { get; set; } = [];
}
