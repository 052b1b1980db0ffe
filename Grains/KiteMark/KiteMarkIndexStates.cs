namespace SocialValue.KiteMark;

[GenerateSerializer]
public sealed class KiteMarkApplicationIndexState
{
    [Id(0)]
    public Dictionary<string, KiteMarkApplicationSummary> Applications { get; set; } = [];
}

[GenerateSerializer]
public sealed class KiteMarkRegisterState
{
    [Id(0)]
    public Dictionary<string, KiteMarkHolder> Holders { get; set; } = [];
}

[GenerateSerializer]
public sealed class KiteMarkNominationsState
{
    [Id(0)]
    public Dictionary<string, KiteMarkNomination> Nominations { get; set; } = [];
}
