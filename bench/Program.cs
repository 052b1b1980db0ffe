using BenchmarkDotNet.Running;
using SocialValue.Bench.Formulas;
using SocialValue.Bench.Load;

namespace SocialValue.Bench;

// Not top-level statements: the Silo's own top-level Program is visible here (InternalsVisibleTo) and would clash.
public static class Program
{
    public static async Task Main(string[] args)
    {
        // The formula figures that are not BenchmarkDotNet benchmarks: publish latency, memory, a million evaluations.
        if (args is [FormulaDriver.Switch])
        {
            FormulaDriver.Run();
            return;
        }

        // The load drivers against the real Silo process: `load writes ...`, `load grow ...`, `load keys ...`, `load lists ...`, `load dashboard ...`.
        if (args is ["load", var driver, .. var rest])
        {
            var options = new Options(rest);
            await (driver switch
            {
                WritesDriver.Name => WritesDriver.RunAsync(options),
                GrowDriver.Name => GrowDriver.RunAsync(options),
                KeysDriver.Name => KeysDriver.RunAsync(options),
                ListsDriver.Name => ListsDriver.RunAsync(options),
                DashboardDriver.Name => DashboardDriver.RunAsync(options),
                _ => throw new ArgumentException(
                    $"Unknown load driver '{driver}': {WritesDriver.Name}, {GrowDriver.Name}, {KeysDriver.Name}, {ListsDriver.Name} or {DashboardDriver.Name}."),
            });
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
