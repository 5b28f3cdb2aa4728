namespace CityTwin.Twin; internal static class Placeholder { }
