namespace SocialValue.KiteMark;

public sealed class KiteMarkApplicationIndexState
{
    public Dictionary<string, KiteMarkApplicationSummary> Applications { get; set; } = [];
}

public sealed class KiteMarkRegisterState
{
    public Dictionary<string, KiteMarkHolder> Holders { get; set; } = [];
}

public sealed class KiteMarkNominationsState
{
    public Dictionary<string, KiteMarkNomination> Nominations { get; set; } = [];
}
