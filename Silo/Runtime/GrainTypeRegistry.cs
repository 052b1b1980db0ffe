using System.Reflection;
using SocialValue.Runtime;

namespace SocialValue.Silo.Runtime;

/// <summary>Which class implements each grain interface, found by scanning the grain assemblies.</summary>
public sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, Type> _implementations = [];

    public GrainTypeRegistry Add(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IGrain).IsAssignableFrom(t)))
        {
            foreach (var grainInterface in type.GetInterfaces().Where(IsGrainInterface))
            {
                if (_implementations.TryGetValue(grainInterface, out var existing) && existing != type)
                {
                    throw new InvalidOperationException($"{grainInterface.Name} is implemented by both {existing.Name} and {type.Name}.");
                }
                ValidateMethods(grainInterface);
                _implementations[grainInterface] = type;
            }
        }
        return this;
    }

    public Type ImplementationOf(Type grainInterface) =>
        _implementations.TryGetValue(grainInterface, out var type)
            ? type
            : throw new InvalidOperationException($"No grain class implements {grainInterface.Name}; add its assembly to the runtime.");

    /// <summary>The grain interface named <paramref name="fullName"/>, for reminders stored by name.</summary>
    public Type? FindInterface(string fullName) => _implementations.Keys.FirstOrDefault(i => i.FullName == fullName);

    private static bool IsGrainInterface(Type type) =>
        type.IsInterface && typeof(IGrain).IsAssignableFrom(type) && type != typeof(IGrain) && type != typeof(IRemindable);

    private static void ValidateMethods(Type grainInterface)
    {
        foreach (var method in grainInterface.GetMethods().Concat(grainInterface.GetInterfaces().SelectMany(i => i.GetMethods())))
        {
            var returns = method.ReturnType;
            var isTask = returns == typeof(Task) || (returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(Task<>));
            if (!isTask)
            {
                throw new InvalidOperationException($"{grainInterface.Name}.{method.Name} must return Task or Task<T>: grain calls are asynchronous.");
            }
        }
    }
}
