namespace SocialValue.Api.Web.Components.Pages.Admin;

/// <summary>Where the administrator's pages are.</summary>
public static class AdminPaths
{
    public const string Home = "/admin";
    public const string Keys = "/admin/keys";
    public const string Nominations = "/admin/nominations";
}
