using System.Reflection;
using System.Runtime.Loader;

namespace SocialValue.Formulas;

/// <summary>
/// The collectible context one compiled formula is loaded into: it unloads once nothing references the formula.
/// The generated code binds to the very <see cref="FormulaHelpers"/> and <see cref="FormulaInputs"/> the engine uses,
/// whichever context loaded them.
/// </summary>
internal sealed class FormulaLoadContext(string name) : AssemblyLoadContext(name, isCollectible: true)
{
    private static readonly Assembly HelpersAssembly = typeof(FormulaHelpers).Assembly;
    private static readonly Assembly InputsAssembly = typeof(FormulaInputs).Assembly;
    private static readonly string HelpersAssemblyName = HelpersAssembly.GetName().Name!;
    private static readonly string InputsAssemblyName = InputsAssembly.GetName().Name!;

    protected override Assembly? Load(AssemblyName assemblyName) =>
        assemblyName.Name == HelpersAssemblyName ? HelpersAssembly
        : assemblyName.Name == InputsAssemblyName ? InputsAssembly
        : null;
}
