using SocialValue.Frameworks;

namespace SocialValue.Contracts;

[GenerateSerializer]
public sealed class BidScoreFormulaState
{
    [Id(0)]
    public List<FormulaVersionDetails> Versions { get; set; } = [];
}
