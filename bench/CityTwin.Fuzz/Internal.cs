using System.Reflection;

namespace CityTwin.Fuzz;

/// <summary>
/// Calls the product's internal parsers by reflection, so the product needs no InternalsVisibleTo for a tool that is
/// never shipped. An exception the parser is documented to throw for bad input is returned; anything else escapes and
/// is a crash for AFL.
/// </summary>
internal static class Internal
{
    public static MethodInfo Method(Assembly assembly, string type, string name, params Type[] parameters) =>
        assembly.GetType(type, throwOnError: true)!.GetMethod(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, parameters)
            ?? throw new MissingMethodException(type, name);

    /// <summary>Invokes; an inner exception whose type is named in <paramref name="expected"/> is swallowed.</summary>
    public static object? Invoke(MethodInfo method, object?[] arguments, params string[] expected)
    {
        try
        {
            return method.Invoke(null, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            if (expected.Contains(inner.GetType().Name)) return null;
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(inner).Throw();
            throw;
        }
    }
}
