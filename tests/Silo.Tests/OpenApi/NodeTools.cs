using System.Diagnostics;

namespace SocialValue.Silo.Tests.OpenApi;

/// <summary>
/// The npm tools of <c>tests/openapi</c> (Redocly CLI, openapi-typescript, TypeScript), pinned by its lockfile and
/// installed with <c>npm ci</c> by <c>scripts/test</c>.
/// </summary>
internal static class NodeTools
{
    public static string Folder { get; } = FindFolder();

    /// <summary>Runs a command in <see cref="Folder"/>; the exit code and everything it wrote.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string command, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        Assert.True(Directory.Exists(Path.Combine(Folder, "node_modules")), $"Run `npm ci` in {Folder} first (scripts/test does).");
        var start = new ProcessStartInfo(command)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>Runs a tool installed in <c>node_modules</c>; asserts it succeeds and returns what it wrote.</summary>
    public static async Task<string> RunToolAsync(string tool, params string[] arguments)
    {
        var (exitCode, output) = await RunAsync("npx", ["--no-install", tool, .. arguments]);
        Assert.True(exitCode == 0, $"{tool} {string.Join(' ', arguments)} failed ({exitCode}):\n{output}");
        return output;
    }

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SocialValue.sln")))
            {
                return Path.Combine(directory.FullName, "tests", "openapi");
            }
        }
        throw new InvalidOperationException($"No SocialValue.sln above {AppContext.BaseDirectory}.");
    }
}
