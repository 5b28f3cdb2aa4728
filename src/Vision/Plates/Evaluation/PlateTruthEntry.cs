using CityTwin.Twin.Plates;
using OpenCvSharp;

namespace CityTwin.Vision.Plates.Evaluation;

/// <summary>One labelled plate: its image, layout, characters (no separators) and, for full scenes, its box.</summary>
public sealed record PlateTruthEntry(string ImagePath, PlateLayout Layout, string Characters, Rect? Box);
