using CityTwin.Graph.Auth;

namespace CityTwin.Graph.Tests.Schema;

/// <summary>One principal per role, as the key store would hand them to the runner.</summary>
public static class Callers
{
    public const string ThanhAnClinic = "clinic-tram-y-te-thanh-an";

    public static readonly TwinPrincipal Operator = new("key-operator", TwinRole.Operator);
    public static readonly TwinPrincipal Planner = new("key-planner", TwinRole.Planner);
    public static readonly TwinPrincipal Partner = new("key-partner", TwinRole.Partner);
    public static readonly TwinPrincipal Clinic = new("key-clinic", TwinRole.Clinic, ThanhAnClinic);
}
