namespace SocialValue.Frameworks;

public sealed class FrameworkIndexState
{
    public Dictionary<string, FrameworkSummary> Frameworks { get; set; } = [];
}
