using System.Reflection;
using System.Runtime.Loader;

namespace SocialValue.Formulas;

/// <summary>
/// The collectible context one compiled formula is loaded into: it unloads once nothing references the formula.
/// The generated code binds to the very <see cref="FormulaContext"/> the engine uses, whichever context loaded it.
/// </summary>
internal sealed class FormulaLoadContext(string name) : AssemblyLoadContext(name, isCollectible: true)
{
    private static readonly Assembly ContextAssembly = typeof(FormulaContext).Assembly;
    private static readonly string ContextAssemblyName = ContextAssembly.GetName().Name!;

    protected override Assembly? Load(AssemblyName assemblyName) =>
        assemblyName.Name == ContextAssemblyName ? ContextAssembly : null;
}
