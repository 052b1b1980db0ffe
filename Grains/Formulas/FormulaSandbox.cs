using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SocialValue.Formulas;

/// <summary>
/// The allow-lists a formula must pass: first its syntax, before anything is bound (so nothing costly or unbounded,
/// such as lambdas, loops or string constants, ever reaches the binder), then its symbols and operations.
/// </summary>
internal static partial class FormulaSandbox
{
    public const int MaxBracketDepth = 32;
    public const int MaxSyntaxDepth = 128;
    public const string DirectivesNotAllowed = "preprocessor directives such as #r, #load, #define and #if are not allowed in a formula";

    private static readonly SymbolDisplayFormat SymbolFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        memberOptions: SymbolDisplayMemberOptions.IncludeContainingType,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    /// <summary>
    /// Interpolated strings and preprocessor directives spotted in the raw characters, before the lexer sees them: the
    /// lexer recurses into nested interpolations, and the directive parser into nested conditions, without a guard.
    /// </summary>
    public static FormulaDiagnostic? CheckCharacters(string source) => InterpolationOrDirective().Match(source) switch
    {
        { Success: false } => null,
        var match when match.Value.EndsWith('#') => FormulaSource.At(source, match.Index + match.Length - 1, DirectivesNotAllowed),
        var match => FormulaSource.At(source, match.Index, "interpolated strings are not allowed in a formula"),
    };

    /// <summary>
    /// Brackets counted on the tokens of the raw source, before it is parsed: they must match, and nest at most
    /// <see cref="MaxBracketDepth"/> deep. Balanced brackets also keep the source inside the body it is wrapped in.
    /// </summary>
    public static FormulaDiagnostic? CheckBrackets(string source)
    {
        var open = new Stack<SyntaxToken>();
        foreach (var token in SyntaxFactory.ParseTokens(source, options: FormulaCompiler.ParseOptions))
        {
            var closes = token.Kind() switch
            {
                SyntaxKind.CloseParenToken => SyntaxKind.OpenParenToken,
                SyntaxKind.CloseBracketToken => SyntaxKind.OpenBracketToken,
                SyntaxKind.CloseBraceToken => SyntaxKind.OpenBraceToken,
                _ => SyntaxKind.None,
            };
            if (token.Kind() is SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken or SyntaxKind.OpenBraceToken)
            {
                open.Push(token);
                if (open.Count > MaxBracketDepth)
                {
                    return FormulaSource.At(source, token.SpanStart, $"brackets are nested more than {MaxBracketDepth} deep");
                }
            }
            else if (closes != SyntaxKind.None)
            {
                if (!open.TryPop(out var opening) || !opening.IsKind(closes))
                {
                    return FormulaSource.At(source, token.SpanStart, $"'{token.Text}' does not close an open bracket");
                }
            }
        }

        return open.TryPop(out var unclosed)
            ? FormulaSource.At(source, unclosed.SpanStart, $"'{unclosed.Text}' is never closed")
            : null;
    }

    /// <summary>The first node deeper than <see cref="MaxSyntaxDepth"/> below the formula's top-level nodes, if any.</summary>
    public static SyntaxNode? TooDeep(IEnumerable<SyntaxNode> topLevel)
    {
        var pending = new Stack<(SyntaxNode Node, int Depth)>(topLevel.Select(n => (n, 1)));
        while (pending.TryPop(out var item))
        {
            if (item.Depth > MaxSyntaxDepth)
            {
                return item.Node;
            }

            foreach (var child in item.Node.ChildNodes())
            {
                pending.Push((child, item.Depth + 1));
            }
        }

        return null;
    }

    /// <summary>Every node of the formula whose kind is not allowed, with why; a rejected node's children are not visited.</summary>
    public static IEnumerable<(SyntaxNode Node, string Message)> RejectedSyntax(IEnumerable<SyntaxNode> topLevel)
    {
        var pending = new Stack<SyntaxNode>(topLevel.Reverse());
        while (pending.TryPop(out var node))
        {
            if (SyntaxRejection(node) is { } message)
            {
                yield return (node, message);
                continue;
            }

            foreach (var child in node.ChildNodes().Reverse())
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>Identifiers bound to symbols outside the allow-list.</summary>
    public static IEnumerable<(SyntaxNode Node, string Message)> RejectedSymbols(SemanticModel model, IEnumerable<SyntaxNode> topLevel)
    {
        var rejected = new HashSet<SyntaxNode>();
        foreach (var name in topLevel.SelectMany(n => n.DescendantNodesAndSelf()).OfType<IdentifierNameSyntax>())
        {
            if (name.IsVar || name.Parent is NameColonSyntax || QualifiesRejected(name, rejected))
            {
                continue;
            }

            var info = model.GetSymbolInfo(name);
            if ((info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) is { } symbol && !IsAllowed(symbol))
            {
                rejected.Add(name);
                yield return (name, NotAvailable(symbol));
            }
        }
    }

    /// <summary>
    /// The innermost operations outside the allow-list, except those overlapping the use of a name already rejected
    /// (the call of a rejected method with its arguments, say), which would only repeat the rejection.
    /// </summary>
    public static IEnumerable<(SyntaxNode Node, string Message)> RejectedOperations(IOperation body, IEnumerable<SyntaxNode> rejectedNames)
    {
        var rejectedUses = rejectedNames.Select(UseOf).ToList();
        var rejected = body.Descendants()
            .Select(op => (Operation: op, Message: OperationRejection(op)))
            .Where(r => r.Message is not null && !rejectedUses.Any(n => n.Span.IntersectsWith(r.Operation.Syntax.Span)))
            .ToDictionary(r => r.Operation, r => r.Message!);
        return rejected
            .Where(r => !r.Key.Descendants().Any(rejected.ContainsKey))
            .Select(r => (r.Key.Syntax, r.Value));
    }

    private static string? SyntaxRejection(SyntaxNode node) => node.Kind() switch
    {
        SyntaxKind.Block or SyntaxKind.ExpressionStatement or SyntaxKind.ReturnStatement or SyntaxKind.IfStatement
            or SyntaxKind.ElseClause or SyntaxKind.EmptyStatement or SyntaxKind.CheckedStatement
            or SyntaxKind.VariableDeclaration or SyntaxKind.EqualsValueClause
            or SyntaxKind.ParenthesizedExpression or SyntaxKind.ConditionalExpression or SyntaxKind.CastExpression
            or SyntaxKind.InvocationExpression or SyntaxKind.ArgumentList or SyntaxKind.NameColon
            or SyntaxKind.SimpleMemberAccessExpression or SyntaxKind.IdentifierName or SyntaxKind.QualifiedName
            or SyntaxKind.AliasQualifiedName or SyntaxKind.NumericLiteralExpression or SyntaxKind.TrueLiteralExpression
            or SyntaxKind.FalseLiteralExpression or SyntaxKind.CheckedExpression or SyntaxKind.DefaultExpression
            or SyntaxKind.DefaultLiteralExpression or SyntaxKind.StringLiteralExpression
            or SyntaxKind.AddExpression or SyntaxKind.SubtractExpression or SyntaxKind.MultiplyExpression
            or SyntaxKind.DivideExpression or SyntaxKind.ModuloExpression or SyntaxKind.LeftShiftExpression
            or SyntaxKind.RightShiftExpression or SyntaxKind.LogicalOrExpression or SyntaxKind.LogicalAndExpression
            or SyntaxKind.BitwiseOrExpression or SyntaxKind.BitwiseAndExpression or SyntaxKind.ExclusiveOrExpression
            or SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression or SyntaxKind.LessThanExpression
            or SyntaxKind.LessThanOrEqualExpression or SyntaxKind.GreaterThanExpression
            or SyntaxKind.GreaterThanOrEqualExpression
            or SyntaxKind.UnaryPlusExpression or SyntaxKind.UnaryMinusExpression or SyntaxKind.BitwiseNotExpression
            or SyntaxKind.LogicalNotExpression or SyntaxKind.PreIncrementExpression or SyntaxKind.PreDecrementExpression
            or SyntaxKind.PostIncrementExpression or SyntaxKind.PostDecrementExpression
            or SyntaxKind.SimpleAssignmentExpression or SyntaxKind.AddAssignmentExpression
            or SyntaxKind.SubtractAssignmentExpression or SyntaxKind.MultiplyAssignmentExpression
            or SyntaxKind.DivideAssignmentExpression or SyntaxKind.ModuloAssignmentExpression => null,
        SyntaxKind.LocalDeclarationStatement => LocalDeclarationRejection((LocalDeclarationStatementSyntax)node),
        SyntaxKind.VariableDeclarator => ((VariableDeclaratorSyntax)node).ArgumentList is null ? null : "fixed-size buffers are not allowed in a formula",
        SyntaxKind.Argument => ((ArgumentSyntax)node).RefKindKeyword.IsKind(SyntaxKind.None) ? null : "ref, out and in arguments are not allowed in a formula",
        SyntaxKind.PredefinedType => IsNumericKeyword(((PredefinedTypeSyntax)node).Keyword)
            ? null
            : $"'{node}' is not available in a formula: only numbers and bool are",
        SyntaxKind.ForStatement or SyntaxKind.ForEachStatement or SyntaxKind.ForEachVariableStatement
            or SyntaxKind.WhileStatement or SyntaxKind.DoStatement => "loops are not allowed in a formula",
        SyntaxKind.GotoStatement or SyntaxKind.GotoCaseStatement or SyntaxKind.GotoDefaultStatement
            or SyntaxKind.LabeledStatement => "goto and labels are not allowed in a formula",
        SyntaxKind.ParenthesizedLambdaExpression or SyntaxKind.SimpleLambdaExpression
            or SyntaxKind.AnonymousMethodExpression => "lambdas and anonymous methods are not allowed in a formula",
        SyntaxKind.LocalFunctionStatement => "local functions are not allowed in a formula",
        SyntaxKind.UnsafeStatement or SyntaxKind.FixedStatement or SyntaxKind.PointerType
            or SyntaxKind.FunctionPointerType or SyntaxKind.AddressOfExpression or SyntaxKind.PointerIndirectionExpression
            or SyntaxKind.PointerMemberAccessExpression => "unsafe code and pointers are not allowed in a formula",
        SyntaxKind.StackAllocArrayCreationExpression or SyntaxKind.ImplicitStackAllocArrayCreationExpression => "stackalloc is not allowed in a formula",
        SyntaxKind.TypeOfExpression => "typeof is not allowed in a formula",
        SyntaxKind.SizeOfExpression => "sizeof is not allowed in a formula",
        SyntaxKind.ObjectCreationExpression or SyntaxKind.ImplicitObjectCreationExpression
            or SyntaxKind.ArrayCreationExpression or SyntaxKind.ImplicitArrayCreationExpression
            or SyntaxKind.AnonymousObjectCreationExpression or SyntaxKind.CollectionExpression
            or SyntaxKind.ArrayInitializerExpression or SyntaxKind.WithExpression => "creating objects or arrays is not allowed in a formula",
        SyntaxKind.ThrowStatement or SyntaxKind.ThrowExpression => "throw is not allowed in a formula",
        SyntaxKind.TryStatement => "try, catch and finally are not allowed in a formula",
        SyntaxKind.AwaitExpression => "await is not allowed in a formula",
        SyntaxKind.YieldReturnStatement or SyntaxKind.YieldBreakStatement => "yield is not allowed in a formula",
        SyntaxKind.LockStatement => "lock is not allowed in a formula",
        SyntaxKind.UsingStatement => "using is not allowed in a formula",
        SyntaxKind.UncheckedStatement or SyntaxKind.UncheckedExpression => "unchecked is not allowed in a formula: arithmetic is always checked",
        SyntaxKind.ArgListExpression or SyntaxKind.MakeRefExpression or SyntaxKind.RefTypeExpression
            or SyntaxKind.RefValueExpression => "__arglist, __makeref, __reftype and __refvalue are not allowed in a formula",
        SyntaxKind.InterpolatedStringExpression => "interpolated strings are not allowed in a formula",
        SyntaxKind.TupleExpression or SyntaxKind.TupleType => "tuples are not allowed in a formula",
        SyntaxKind.SwitchStatement or SyntaxKind.SwitchExpression or SyntaxKind.IsPatternExpression
            or SyntaxKind.IsExpression or SyntaxKind.AsExpression => "switch, is, as and patterns are not allowed in a formula: use if/else or ?:",
        SyntaxKind.AttributeList => "attributes are not allowed in a formula",
        SyntaxKind.ThisExpression or SyntaxKind.BaseExpression => "this and base are not available in a formula",
        SyntaxKind.ElementAccessExpression or SyntaxKind.IndexExpression or SyntaxKind.RangeExpression => "indexing is not allowed in a formula",
        SyntaxKind.GenericName => "generic methods and types are not allowed in a formula",
        SyntaxKind.NullLiteralExpression or SyntaxKind.CoalesceExpression or SyntaxKind.CoalesceAssignmentExpression
            or SyntaxKind.ConditionalAccessExpression or SyntaxKind.NullableType => "null is not available in a formula: every value is a number",
        var kind => $"{Words(kind.ToString())} is not allowed in a formula",
    };

    private static string? LocalDeclarationRejection(LocalDeclarationStatementSyntax declaration)
    {
        if (!declaration.UsingKeyword.IsKind(SyntaxKind.None) || !declaration.AwaitKeyword.IsKind(SyntaxKind.None))
        {
            return "using is not allowed in a formula";
        }

        if (declaration.Modifiers.Any(m => !m.IsKind(SyntaxKind.ConstKeyword)))
        {
            return $"'{declaration.Modifiers.First(m => !m.IsKind(SyntaxKind.ConstKeyword))}' is not allowed on a variable in a formula";
        }

        return declaration.IsConst && declaration.Declaration.Type is not PredefinedTypeSyntax
            ? "a constant in a formula must be declared with a number type such as decimal or int"
            : null;
    }

    private static bool IsNumericKeyword(SyntaxToken keyword) => keyword.Kind() is SyntaxKind.BoolKeyword
        or SyntaxKind.ByteKeyword or SyntaxKind.SByteKeyword or SyntaxKind.ShortKeyword or SyntaxKind.UShortKeyword
        or SyntaxKind.IntKeyword or SyntaxKind.UIntKeyword or SyntaxKind.LongKeyword or SyntaxKind.ULongKeyword
        or SyntaxKind.FloatKeyword or SyntaxKind.DoubleKeyword or SyntaxKind.DecimalKeyword;

    private static string? OperationRejection(IOperation operation)
    {
        var rejection = operation switch
        {
            IBlockOperation or IVariableDeclarationGroupOperation or IVariableDeclarationOperation
                or IVariableInitializerOperation or IVariableDeclaratorOperation or IReturnOperation
                or IConditionalOperation or ILiteralOperation or IExpressionStatementOperation or IEmptyOperation
                or IDefaultValueOperation or ILocalReferenceOperation or IArgumentOperation or IInvalidOperation => null,
            IBinaryOperation { OperatorMethod: { } method } => IsAllowed(method) ? null : NotAvailable(method),
            IUnaryOperation { OperatorMethod: { } method } => IsAllowed(method) ? null : NotAvailable(method),
            IConversionOperation { OperatorMethod: { } method } => IsAllowed(method) ? null : NotAvailable(method),
            IBinaryOperation or IUnaryOperation or IConversionOperation => null,
            IAssignmentOperation { Target: ILocalReferenceOperation } => null,
            IIncrementOrDecrementOperation { Target: ILocalReferenceOperation } => null,
            IAssignmentOperation or IIncrementOrDecrementOperation => "only variables declared in the formula can be assigned",
            IInvocationOperation invocation => IsAllowed(invocation.TargetMethod) ? null : NotAvailable(invocation.TargetMethod),
            IPropertyReferenceOperation reference => IsAllowed(reference.Property) ? null : NotAvailable(reference.Property),
            IFieldReferenceOperation reference => IsAllowed(reference.Field) ? null : NotAvailable(reference.Field),
            IInstanceReferenceOperation { IsImplicit: true, ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } => null,
            INameOfOperation => "nameof is not allowed in a formula",
            _ => $"'{Shorten(operation.Syntax.ToString())}' is not allowed in a formula",
        };
        if (rejection is not null || operation is IInstanceReferenceOperation)
        {
            return rejection;
        }

        var type = operation is IVariableDeclaratorOperation declarator ? declarator.Symbol.Type : operation.Type;
        return type is null or { TypeKind: TypeKind.Error } || IsAllowedType(type) || IsNameArgument(operation) ? null
            : operation is ILiteralOperation { Type.SpecialType: SpecialType.System_String } ? "text is only allowed as the name given to Input, Proxy, Sum, Min, Max, Mean, LowerMedian or Count"
            : $"values of type '{type.ToDisplayString(SymbolFormat)}' are not allowed in a formula";
    }

    private static bool IsNameArgument(IOperation operation) =>
        operation is ILiteralOperation { Type.SpecialType: SpecialType.System_String }
        && operation.Parent is IArgumentOperation { Parent: IInvocationOperation invocation }
        && IsContextMember(invocation.TargetMethod);

    private static bool IsAllowed(ISymbol symbol) => symbol switch
    {
        INamespaceSymbol => true,
        ILocalSymbol local => IsAllowedType(local.Type),
        ITypeSymbol type => IsAllowedType(type) || IsMath(type),
        IMethodSymbol { MethodKind: MethodKind.BuiltinOperator or MethodKind.UserDefinedOperator or MethodKind.Conversion } method =>
            IsAllowedType(method.ContainingType),
        IMethodSymbol method => method.IsStatic && IsMath(method.ContainingType) || IsContextMember(method),
        IPropertySymbol property => IsContextMember(property),
        IFieldSymbol field => (field.IsConst || field.IsStatic && field.IsReadOnly)
            && (IsAllowedType(field.ContainingType) || IsMath(field.ContainingType)),
        _ => false,
    };

    private static bool IsAllowedType(ITypeSymbol type) => type.SpecialType is SpecialType.System_Boolean
        or SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16
        or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
        or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal
        || IsNamed(type, "System.MidpointRounding");

    private static bool IsMath(ITypeSymbol type) => IsNamed(type, "System.Math");

    // Exactly the public instance properties and methods of the struct generated around the formula (declared in the
    // generated text, so no referenced type of the same name qualifies): not its private fields, constructors, Run or
    // its static Evaluate, and not FormulaHelpers, which they forward to.
    private static bool IsContextMember(ISymbol member) =>
        member is IPropertySymbol or IMethodSymbol { MethodKind: MethodKind.Ordinary }
        && member is { IsStatic: false, DeclaredAccessibility: Accessibility.Public }
        && FormulaSource.Members.Contains(member.Name)
        && IsGeneratedStruct(member.ContainingType)
        && member.Locations.All(l => l.IsInSource);

    private static bool IsGeneratedStruct(INamedTypeSymbol? type) =>
        type is { TypeKind: TypeKind.Struct, Name: FormulaSource.ClassName, ContainingType: null, ContainingNamespace.IsGlobalNamespace: true }
        && type.Locations.All(l => l.IsInSource);

    private static bool IsNamed(ITypeSymbol? type, string fullName) =>
        type is INamedTypeSymbol { TypeKind: not TypeKind.Error } && type.ToDisplayString() == fullName;

    private static bool QualifiesRejected(IdentifierNameSyntax name, HashSet<SyntaxNode> rejected) => name.Parent switch
    {
        MemberAccessExpressionSyntax access when access.Name == name => access.Expression.DescendantNodesAndSelf().Any(rejected.Contains),
        QualifiedNameSyntax qualified when qualified.Right == name => qualified.Left.DescendantNodesAndSelf().Any(rejected.Contains),
        _ => false,
    };

    private static SyntaxNode UseOf(SyntaxNode name)
    {
        var use = name;
        while (use.Parent is MemberAccessExpressionSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax
               || use.Parent is InvocationExpressionSyntax invocation && invocation.Expression == use)
        {
            use = use.Parent;
        }

        return use;
    }

    private static string NotAvailable(ISymbol symbol) =>
        symbol is IMethodSymbol { Name: "Run" or FormulaSource.EntryName } && IsGeneratedStruct(symbol.ContainingType)
            ? "a formula cannot call itself"
            : $"'{symbol.ToDisplayString(SymbolFormat)}' is not available in a formula";

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";

    private static string Words(string kind) => CapitalInWord().Replace(kind, " $1").ToLowerInvariant();

    // A directive is a '#' after nothing but white space on its line. C# ends lines at \r, \n, U+0085, U+2028 and
    // U+2029, and counts U+FEFF and U+001A as white space, which .NET regular expressions do not.
    [GeneratedRegex(@"\$+@?""|@\$+""|(?:^|[\r\n\u0085\u2028\u2029])(?:[^\S\r\n\u0085\u2028\u2029]|[\uFEFF\u001A])*#")]
    private static partial Regex InterpolationOrDirective();

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex CapitalInWord();
}
