using SocialValue.Silo;

await SiloApplication.Create(args).RunAsync();
