namespace SocialValue.Api.Web.Components.Pages.Admin;

/// <summary>A key just issued, with the secret the administrator sees this once.</summary>
public sealed record NewKey(string Id, string Key);
