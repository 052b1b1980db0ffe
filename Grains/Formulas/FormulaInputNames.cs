using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SocialValue.Formulas;

/// <summary>
/// The names a formula reads with <c>Input("name")</c>, found on its syntax tree: every call of <c>Input</c> whose
/// argument is a string literal (bracketed or named, as the sandbox lets it be written), in order of first use, once each.
/// </summary>
/// <remarks>
/// The sandbox admits text only as the name given to <c>Input</c> and the other context members, so every <c>Input</c>
/// call of a formula that publishes names its input with a literal: these names are all a published version can read.
/// Parsing is enough, without binding, so the names of a version stored before they were recorded cost microseconds.
/// </remarks>
public static class FormulaInputNames
{
    private const string InputMember = "Input";

    /// <summary>What the compiler says of an <c>Input</c> call whose argument is not a name in quotes.</summary>
    public const string NameNotQuoted =
        "Input takes the input's name in quotes, e.g. Input(\"hours\"): the names are read from the formula to ask for each beside a return line";

    /// <summary>The input names <paramref name="source"/> reads, in order of first use; empty when it reads none.</summary>
    public static IReadOnlyList<string> Of(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var wrapped = FormulaSource.Wrap(source);
        var root = CSharpSyntaxTree.ParseText(wrapped.Text, FormulaCompiler.ParseOptions).GetCompilationUnitRoot();
        return [.. Arguments(root.DescendantNodes().Where(n => wrapped.Contains(n.Span))).Select(Literal).OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The arguments of <c>Input</c> calls among <paramref name="nodes"/> that are not a name in quotes.</summary>
    internal static IEnumerable<ExpressionSyntax> Unquoted(IEnumerable<SyntaxNode> nodes) =>
        Arguments(nodes).Where(argument => Literal(argument) is null);

    private static IEnumerable<ExpressionSyntax> Arguments(IEnumerable<SyntaxNode> nodes) =>
        nodes.OfType<InvocationExpressionSyntax>()
            .Where(call => call.Expression is IdentifierNameSyntax { Identifier.ValueText: InputMember } && call.ArgumentList.Arguments.Count == 1)
            .Select(call => call.ArgumentList.Arguments[0].Expression);

    private static string? Literal(ExpressionSyntax argument)
    {
        while (argument is ParenthesizedExpressionSyntax bracketed)
        {
            argument = bracketed.Expression;
        }
        return argument is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
            ? literal.Token.ValueText
            : null;
    }
}
