using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace SocialValue.Silo.Runtime;

/// <summary>Calls one grain interface method on an activation through the runtime; built once per method.</summary>
internal abstract class GrainMethodInvoker
{
    private static readonly ConcurrentDictionary<MethodInfo, GrainMethodInvoker> Cache = new();

    public abstract object Invoke(GrainRuntime runtime, GrainId grain, object?[]? args);

    public static GrainMethodInvoker For(MethodInfo method) => Cache.GetOrAdd(method, Create);

    private static GrainMethodInvoker Create(MethodInfo method)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var parameters = method.GetParameters()
            .Select((p, i) => Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType));
        var call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, parameters);

        if (method.ReturnType == typeof(Task))
        {
            var lambda = Expression.Lambda<Func<object, object?[]?, Task>>(call, grain, args).Compile();
            return new VoidInvoker(lambda);
        }
        var result = method.ReturnType.GetGenericArguments()[0];
        var delegateType = typeof(Func<,,>).MakeGenericType(typeof(object), typeof(object?[]), method.ReturnType);
        var typed = Expression.Lambda(delegateType, call, grain, args).Compile();
        return (GrainMethodInvoker)Activator.CreateInstance(typeof(ResultInvoker<>).MakeGenericType(result), typed)!;
    }

    private sealed class VoidInvoker(Func<object, object?[]?, Task> call) : GrainMethodInvoker
    {
        public override object Invoke(GrainRuntime runtime, GrainId grain, object?[]? args) =>
            runtime.InvokeAsync(grain, async instance =>
            {
                await call(instance, args);
                return true;
            });
    }

    private sealed class ResultInvoker<T>(Func<object, object?[]?, Task<T>> call) : GrainMethodInvoker
    {
        public override object Invoke(GrainRuntime runtime, GrainId grain, object?[]? args) =>
            runtime.InvokeAsync(grain, instance => call(instance, args));
    }
}
