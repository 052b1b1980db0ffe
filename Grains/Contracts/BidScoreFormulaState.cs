using SocialValue.Frameworks;

namespace SocialValue.Contracts;

public sealed class BidScoreFormulaState
{
    public List<FormulaVersionDetails> Versions { get; set; } = [];
}
